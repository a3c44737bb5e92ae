// The table kube-apiserver serves for kinds without a printer (apiserver registry/rest/table.go):
// the name and the creation time as an RFC3339 date.
import type { KubeObject } from '../api/types.js';
import { AGE_DESCRIPTION, column, nameColumn } from './printing.js';
import type { TablePrinter } from './resource.js';

/** Go's zero time.Time formatted as RFC3339: what a missing creationTimestamp prints as. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** A timestamp as Go's `t.UTC().Format(time.RFC3339)`: whole seconds, `Z`. */
export function rfc3339(timestamp: string | null | undefined): string {
  if (!timestamp) return ZERO_TIME;
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return ZERO_TIME;
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const defaultTable: TablePrinter = {
  columns: [nameColumn(), column('Created At', 'date', { description: AGE_DESCRIPTION })],
  row: (obj: KubeObject) => [obj.metadata.name ?? '', rfc3339(obj.metadata.creationTimestamp)],
};
