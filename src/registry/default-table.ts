// The table kube-apiserver serves for kinds without a printer (apiserver registry/rest/table.go):
// the name and the creation time as an RFC3339 date.
import type { KubeObject } from '../api/types.js';
import { rfc3339 } from '../api/time.js';
import { AGE_DESCRIPTION, column, nameColumn } from './printing.js';
import type { TablePrinter } from './resource.js';

/** Go's zero time.Time formatted as RFC3339: what a missing creationTimestamp prints as. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** A stored timestamp as Go's `t.UTC().Format(time.RFC3339)`: whole seconds, `Z`. */
export function formatTimestamp(timestamp: string | null | undefined): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  return Number.isNaN(t) ? ZERO_TIME : rfc3339(new Date(t));
}

export const defaultTable: TablePrinter = {
  columns: [nameColumn(), column('Created At', 'date', { description: AGE_DESCRIPTION })],
  row: (obj: KubeObject) => [obj.metadata.name ?? '', formatTimestamp(obj.metadata.creationTimestamp)],
};
