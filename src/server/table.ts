// Server-side printing: objects to meta.k8s.io Table (registry/rest/table.go and
// endpoints/handlers/response.go), and to PartialObjectMetadata(List).
import type { KubeObject, ListMeta } from '../api/types.js';
import type { StoredObject } from '../storage/interfaces.js';
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
  return { ...tableHead(printer, meta, options), rows: objects.map((obj) => tableRow(printer, obj, options)) };
}

function tableHead(printer: TablePrinter, meta: ListMeta, options: TableOptions): Record<string, unknown> {
  const table: Record<string, unknown> = { kind: 'Table', apiVersion: `meta.k8s.io/${options.version}`, metadata: meta };
  if (!options.noHeaders) table.columnDefinitions = printer.columns;
  return table;
}

function tableRow(printer: TablePrinter, obj: KubeObject, options: TableOptions): Record<string, unknown> {
  const row: Record<string, unknown> = { cells: printer.row(obj, options.now) };
  const conditions = printer.conditions?.(obj);
  if (conditions?.length) row.conditions = conditions;
  if (options.includeObject === 'Metadata') row.object = partialObjectMetadata(obj, 'v1');
  else if (options.includeObject === 'Object') row.object = obj;
  else row.object = null;
  return row;
}

/** Characters of JSON per chunk of a Table list. */
const TABLE_CHUNK_CHARS = 256 * 1024;

/**
 * A list's Table as JSON chunks (what toTable gives, serialized). Rows are printed one stored
 * version at a time as the chunks are taken, so a long list never holds every decoded object,
 * nor one string of the whole table.
 */
export function* tableChunks(def: ResourceDefinition, versions: readonly StoredObject[], meta: ListMeta, options: TableOptions): Generator<Buffer> {
  const printer = printerOf(def);
  let text = `${JSON.stringify(tableHead(printer, meta, options)).slice(0, -1)},"rows":[`;
  for (let i = 0; i < versions.length; i++) {
    text += `${i > 0 ? ',' : ''}${JSON.stringify(tableRow(printer, versions[i].scan(), options))}`;
    if (text.length >= TABLE_CHUNK_CHARS) {
      yield Buffer.from(text);
      text = '';
    }
  }
  yield Buffer.from(`${text}]}`);
}
