// Test helpers: a kind's definition by group and plural, and a row for an object.
import type { KubeObject } from '../../../../src/api/types.js';
import { groupResources } from '../../../../src/registry/groups.js';
import type { ResourceDefinition, TableCell } from '../../../../src/registry/resource.js';

export const NOW = new Date('2025-01-01T01:00:00Z');
export const CREATED = '2025-01-01T00:00:00Z';

export function def(group: string, plural: string, version?: string): ResourceDefinition {
  const found = groupResources.find((d) => d.group === group && d.plural === plural && (!version || d.version === version));
  if (!found) throw new Error(`no definition for ${group}/${plural}`);
  return found;
}

export function obj(fields: Record<string, unknown>, metadata: KubeObject['metadata'] = {}): KubeObject {
  return { metadata: { name: 'x', namespace: 'default', creationTimestamp: CREATED, ...metadata }, ...fields };
}

/** The row as a column-name → cell map. */
export function cells(d: ResourceDefinition, o: KubeObject): Record<string, TableCell> {
  const table = d.table;
  if (!table) throw new Error(`${d.plural} has no table`);
  const row = table.row(o, NOW);
  return Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]]));
}
