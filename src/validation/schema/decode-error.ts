// The error Go's JSON decoder (sigs.k8s.io/json) gives for a value of the wrong type, found by
// walking the kind's OpenAPI schema along the value's path: `json: cannot unmarshal string into Go
// struct field DeploymentSpec.spec.replicas of type int32`. The field path names struct fields
// only (no indexes, no map keys), and the struct is the innermost one, as in encoding/json.
import type { Schema } from '../../openapi/schema-catalog.js';
import { INT_OR_STRING, QUANTITY, refName } from './ajv-schema.js';
import { intOrStringError, jsonValueName, quantityError } from './named-types.js';
import type { Segment } from './instance-paths.js';

export interface DecodeError {
  message: string;
  /**
   * True for errors of types with their own UnmarshalJSON: they stop decoding at once, whereas
   * a plain type mismatch is remembered and decoding goes on.
   */
  aborts: boolean;
}

const TIMES = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']);

/** `io.k8s.api.core.v1.PodSpec` → `v1.PodSpec`, as Go's reflect prints a named type. */
function goTypeName(name: string): string {
  const parts = name.split('.');
  return parts.slice(-2).join('.');
}

function goType(schema: Schema): string {
  const name = refName(schema);
  if (name) return goTypeName(name);
  switch (schema.type) {
    case 'array':
      return `[]${schema.items ? goType(schema.items) : 'interface {}'}`;
    case 'object':
      return typeof schema.additionalProperties === 'object' ? `map[string]${goType(schema.additionalProperties)}` : 'map[string]interface {}';
    case 'integer':
      return schema.format === 'int32' ? 'int32' : 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'string':
      return schema.format === 'byte' ? '[]uint8' : 'string';
    default:
      return 'interface {}';
  }
}

interface Located {
  schema: Schema;
  struct: string;
  fields: string[];
}

/** Follows the path through the schemas, keeping the innermost struct and the field names. */
function locate(schemas: Record<string, Schema>, rootName: string, path: readonly Segment[]): Located {
  let schema: Schema = { $ref: `#/components/schemas/${rootName}` };
  let struct = goTypeName(rootName).split('.')[1];
  const fields: string[] = [];
  for (const segment of path) {
    const name = refName(schema);
    const body = name ? (schemas[name] ?? {}) : schema;
    if (typeof segment === 'string' && body.properties?.[segment]) {
      struct = name ? goTypeName(name).split('.')[1] : struct;
      fields.push(segment);
      schema = body.properties[segment];
    } else if (body.type === 'array' && body.items) {
      schema = body.items;
    } else if (typeof body.additionalProperties === 'object') {
      schema = body.additionalProperties;
    } else {
      break;
    }
  }
  return { schema, struct, fields };
}

export function decodeErrorAt(schemas: Record<string, Schema>, rootName: string, path: readonly Segment[], value: unknown): DecodeError {
  const { schema, struct, fields } = locate(schemas, rootName, path);
  const name = refName(schema);
  if (name === QUANTITY) return { message: quantityError(value) ?? '', aborts: true };
  if (name === INT_OR_STRING) return { message: intOrStringError(value) ?? '', aborts: true };
  if (name && TIMES.has(name)) return { message: `json: cannot unmarshal ${jsonValueName(value)} into Go value of type string`, aborts: true };
  const bits = schema.type === 'integer' ? (schema.format === 'int32' ? 32 : 64) : undefined;
  const where = fields.length ? `Go struct field ${struct}.${fields.join('.')}` : 'Go value';
  return { message: `json: cannot unmarshal ${jsonValueName(value, bits)} into ${where} of type ${goType(schema)}`, aborts: false };
}
