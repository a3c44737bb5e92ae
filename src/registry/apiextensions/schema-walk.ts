// SchemaHas: whether a JSONSchemaProps or any schema nested in it satisfies a predicate.
import { isPlainObject } from '../../api/types.js';
import type { Schema } from '../../openapi/schema-catalog.js';

const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'];
const SCHEMAS = ['not', 'additionalProperties', 'additionalItems'];

function nested(schema: Schema): unknown[] {
  const found: unknown[] = [];
  const items = schema.items;
  if (Array.isArray(items)) found.push(...items);
  else found.push(items);
  for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) found.push(...(schema[key] as unknown[]));
  for (const key of SCHEMA_MAPS) if (isPlainObject(schema[key])) found.push(...Object.values(schema[key]));
  for (const key of SCHEMAS) found.push(schema[key]);
  return found;
}

export function schemaHas(schema: Schema | undefined, pred: (s: Schema) => boolean): boolean {
  if (!schema) return false;
  if (pred(schema)) return true;
  return nested(schema).some((s) => isPlainObject(s) && schemaHas(s as Schema, pred));
}

export const hasDefault = (s: Schema): boolean => s.default !== undefined;
