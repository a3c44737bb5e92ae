// The Table of a custom resource (apiextensions-apiserver registry/customresource/tableconvertor):
// `Name`, then the CRD version's additionalPrinterColumns, each cell the first value its JSONPath
// finds, typed by the column. A version without columns serves one: Age, the creation time.
import type { KubeObject } from '../../api/types.js';
import { AGE_DESCRIPTION, column, humanDuration, nameColumn } from '../printing.js';
import type { TableCell, TableColumn, TableColumnType, TablePrinter } from '../resource.js';
import { GO_ZERO_TIME, parseRFC3339 } from './go-time.js';
import { JSONPathEvalError, JSONPathParseError, parseJSONPath, printResult } from './jsonpath.js';
import type { JSONPath } from './jsonpath.js';

/** A CustomResourceColumnDefinition of apiextensions.k8s.io/v1. */
export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

/** serveDefaultColumnsIfEmpty. */
const DEFAULT_COLUMNS: readonly PrinterColumn[] = [
  { name: 'Age', type: 'date', description: AGE_DESCRIPTION, jsonPath: '.metadata.creationTimestamp' },
];

const COLUMN_TYPES: readonly string[] = ['string', 'integer', 'number', 'boolean', 'date'] satisfies TableColumnType[];
const isColumnType = (type: string): type is TableColumnType => COLUMN_TYPES.includes(type);

/** metatable.ConvertToHumanReadableDateType of a timestamp read as a query parameter. */
function dateCell(text: string, now: Date): string {
  if (text === '' || text === 'null') return '<unknown>';
  const t = parseRFC3339(text);
  if (t === undefined) return '<invalid>';
  return t === GO_ZERO_TIME ? '<unknown>' : humanDuration(now.getTime() - t);
}

/** cellForJSONValue: the value when it has the column's type (integers from floats truncated). */
function typedCell(type: TableColumnType, value: unknown, now: Date): TableCell {
  switch (type) {
    case 'string':
      return printResult(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? dateCell(value, now) : null;
  }
}

/** A cell: null when the path fails or finds nothing; else its first value, typed. */
function cell(path: JSONPath, type: TableColumnType, obj: KubeObject, now: Date): TableCell {
  let results: unknown[][];
  try {
    results = path.findResults(obj);
  } catch (err) {
    if (err instanceof JSONPathEvalError) return null;
    throw err;
  }
  if (!results.length || !results[0].length) return null;
  const value = results[0][0];
  return type !== 'string' && (value === null || value === undefined) ? null : typedCell(type, value, now);
}

function parsed(col: PrinterColumn): JSONPath | undefined {
  try {
    return parseJSONPath(col.jsonPath);
  } catch (err) {
    if (err instanceof JSONPathParseError) return undefined;
    throw err;
  }
}

/**
 * The table printer of a CRD version's columns. Like tableconvertor.New, a column whose path does
 * not parse ends the list there: the columns before it are served (kube-apiserver logs the
 * "invalid printer specification" and keeps that partial table). A type other than the five CRD
 * validation allows ends it the same way.
 */
export function customResourceTable(columns: readonly PrinterColumn[]): TablePrinter {
  const headers: TableColumn[] = [nameColumn()];
  const cells: ((obj: KubeObject, now: Date) => TableCell)[] = [];
  for (const col of columns.length ? columns : DEFAULT_COLUMNS) {
    const type = col.type;
    const path = parsed(col);
    if (!path || !isColumnType(type)) break;
    const description = col.description || `Custom resource definition column (in JSONPath format): ${col.jsonPath}`;
    headers.push(column(col.name, type, { format: col.format, description, priority: col.priority }));
    cells.push((obj, now) => cell(path, type, obj, now));
  }
  return {
    columns: headers,
    row: (obj, now) => [obj.metadata.name ?? '', ...cells.map((read) => read(obj, now))],
  };
}
