// The result table: one row per metric, kubefake next to the two echo baselines and the target.

export interface Row {
  metric: string;
  kubefake: string;
  express?: string;
  node?: string;
  target?: string;
  /** undefined: no target for this row. */
  pass?: boolean;
}

const HEADER = ['metric', 'kubefake', 'express echo', 'node:https echo', 'target', 'result'];

export const ms = (n: number): string => (n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(1)} ms`);
export const perSecond = (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`;
export const megabytes = (n: number): string => `${n.toFixed(1)} MB`;
export const microseconds = (n: number): string => (n < 10 ? `${n.toFixed(1)} µs` : `${Math.round(n)} µs`);

function cells(row: Row): string[] {
  const verdict = row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL';
  return [row.metric, row.kubefake, row.express ?? '—', row.node ?? '—', row.target ?? '—', verdict];
}

export function renderTable(rows: readonly Row[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, col) => Math.max(...table.map((r) => r[col].length)));
  const line = (r: string[]): string => `| ${r.map((c, col) => c.padEnd(widths[col])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(HEADER), rule, ...table.slice(1).map(line)].join('\n');
}
