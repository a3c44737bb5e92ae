// labels.Selector.String() of metav1.LabelSelectorAsSelector: what the Deployment printer shows.
// Unlike FormatLabelSelector it sorts every requirement by key and prints "" for no selector.
import type { LabelSelector } from '../printing.js';

function requirement(key: string, operator: string, values: readonly string[]): string | undefined {
  const list = [...values].sort().join(',');
  switch (operator) {
    case 'In':
      return `${key} in (${list})`;
    case 'NotIn':
      return `${key} notin (${list})`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    default:
      return undefined;
  }
}

/** The selector string; `<invalid>` when an operator is unknown, as the printer's error path. */
export function labelSelectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const parts: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) parts.push({ key, text: `${key}=${value}` });
  for (const r of selector.matchExpressions ?? []) {
    const text = requirement(r.key, r.operator, r.values ?? []);
    if (text === undefined) return '<invalid>';
    parts.push({ key: r.key, text });
  }
  parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return parts.map((p) => p.text).join(',');
}
