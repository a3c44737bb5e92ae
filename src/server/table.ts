// Server-side printing: objects to meta.k8s.io Table (registry/rest/table.go and
// endpoints/handlers/response.go), and to PartialObjectMetadata(List).
import type { KubeObject, ListMeta } from '../api/types.js';
import { newBadRequest } from '../api/errors.js';
import type { ResourceDefinition, TablePrinter } from '../registry/resource.js';
import { defaultTable } from '../registry/default-table.js';

export type IncludeObject = 'Metadata' | 'Object' | 'None';

export function parseIncludeObject(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject') ?? '';
  if (v === '' || v === 'Metadata') return 'Metadata';
  if (v === 'Object' || v === 'None') return v;
  throw newBadRequest(`unrecognized includeObject value: "${v}"`);
}

export function partialObjectMetadata(obj: KubeObject, version: string): KubeObject {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

function printerOf(def: ResourceDefinition): TablePrinter {
  return def.table ?? defaultTable;
}

export interface TableOptions {
  version: string;
  includeObject: IncludeObject;
  noHeaders: boolean;
  now: Date;
}

export function toTable(def: ResourceDefinition, objects: readonly KubeObject[], meta: ListMeta, options: TableOptions): Record<string, unknown> {
  const printer = printerOf(def);
  const rows = objects.map((obj) => {
    const row: Record<string, unknown> = { cells: printer.row(obj, options.now) };
    const conditions = printer.conditions?.(obj);
    if (conditions?.length) row.conditions = conditions;
    if (options.includeObject === 'Metadata') row.object = partialObjectMetadata(obj, 'v1');
    else if (options.includeObject === 'Object') row.object = obj;
    else row.object = null;
    return row;
  });
  const table: Record<string, unknown> = { kind: 'Table', apiVersion: `meta.k8s.io/${options.version}`, metadata: meta };
  if (!options.noHeaders) table.columnDefinitions = printer.columns;
  table.rows = rows;
  return table;
}
