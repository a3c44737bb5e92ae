// The parts of a CRD's JSONSchemaProps the structural-schema modules read beyond the catalog's
// Schema, plus the small helpers they share: JSON type names, deep equality, canonical JSON (the
// identity of a list item) and field paths as field.Path prints them.
import { isPlainObject } from '../../api/types.js';
import type { Schema } from '../../openapi/schema-catalog.js';

/** One x-kubernetes-validations entry (apiextensions ValidationRule). */
export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: 'FieldValueInvalid' | 'FieldValueForbidden' | 'FieldValueRequired' | 'FieldValueDuplicate';
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

/** A CRD schema node: the catalog's Schema with the value validations CRDs may carry. */
export interface CRDSchema extends Schema {
  properties?: Record<string, CRDSchema>;
  additionalProperties?: CRDSchema | boolean;
  items?: CRDSchema;
  allOf?: CRDSchema[];
  oneOf?: CRDSchema[];
  anyOf?: CRDSchema[];
  not?: CRDSchema;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  'x-kubernetes-validations'?: ValidationRule[];
}

export type JSONObject = Record<string, unknown>;

/** The JSON Schema type of a decoded JSON value, as kube-openapi infers it (whole numbers are integers). */
export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The additionalProperties schema, when it is one (not a boolean). */
export function additionalSchema(s: CRDSchema | undefined): CRDSchema | undefined {
  const ap = s?.additionalProperties;
  return typeof ap === 'object' ? ap : undefined;
}

/** The schemas a value's members and items are validated by: properties, additionalProperties, items. */
export function memberSchemas(s: CRDSchema): CRDSchema[] {
  return [...Object.values(s.properties ?? {}), additionalSchema(s), s.items].filter((x): x is CRDSchema => x !== undefined);
}

/** field.Path's Child: `a.b`, or just `b` at the root. */
export function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** field.Path's Index: `a[2]`. */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** field.Path's Key: `a[k]`. */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}

/** A field path as a field.Error prints it: a nil path is `<nil>`. */
export function fieldOf(path: string): string {
  return path || '<nil>';
}

/** JSON with object keys sorted, as Go's json.Marshal writes maps: equal values, equal strings. */
export function canonicalJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(',')}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
