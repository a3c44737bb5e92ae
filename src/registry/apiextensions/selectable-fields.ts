// ValidateCustomResourceSelectableFields: at most 8 distinct fields, each a dotted path (no array
// notation) through the version's schema to a string, boolean or integer outside metadata. The
// path walk is cel.ValidFieldPath's with array notation off.
import { duplicate, invalid, required, type FieldError } from '../../api/field-errors.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import type { SelectableField } from './types.js';

export const MAX_SELECTABLE_FIELDS = 8;

interface FoundField {
  /** The field.Path string of the path: `spec.a`, `spec.labels[key]`. */
  path: string;
  root: string;
  schema?: Schema;
}

/** Splits on '.', '[' and ']' (each its own token); a token opening with a quote runs to the closing one. */
function tokens(jsonPath: string): string[] {
  return jsonPath.match(/'(?:[^'\\]|\\.)*'?|[.[\]]|[^.[\]']+/g) ?? [];
}

function step(schema: Schema | undefined, name: string): Schema | undefined | Error {
  if (schema?.properties) return schema.properties[name] ?? new Error('does not refer to a valid field');
  if (schema?.additionalProperties !== undefined) return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  return new Error('does not refer to a valid field');
}

export function validFieldPath(jsonPath: string, root: Schema): FoundField | Error {
  const parts = tokens(jsonPath);
  let schema: Schema | undefined = root;
  let path = '';
  let first = '';
  for (let i = 0; i < parts.length; i++) {
    const tok = parts[i];
    if (tok === '[') return new Error('array notation is not allowed');
    if (tok !== '.') return new Error(`expected [ or . but got: ${tok}`);
    const name = parts[++i];
    if (name === undefined) return new Error('unexpected end of JSON path');
    const named = Boolean(schema?.properties);
    const next = step(schema, name);
    if (next instanceof Error) return next;
    path = named ? (path ? `${path}.${name}` : name) : `${path}[${name}]`;
    if (!first) first = path;
    schema = next;
  }
  return { path, root: first, schema };
}

const ALLOWED_TYPES = ['string', 'boolean', 'integer'];

export function validateSelectableFields(fields: SelectableField[], schema: Schema, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const unique = new Set<string>();
  fields.forEach((f, i) => {
    const fieldPath = `${path}[${i}].jsonPath`;
    const jsonPath = f.jsonPath ?? '';
    if (!jsonPath) return void errs.push(required(fieldPath, ''));
    const found = validFieldPath(jsonPath, schema);
    if (found instanceof Error) return void errs.push(invalid(fieldPath, jsonPath, `is an invalid path: ${found.message}`));
    if (found.root === 'metadata') errs.push(invalid(fieldPath, jsonPath, 'must not point to fields in metadata'));
    if (!ALLOWED_TYPES.includes(found.schema?.type ?? '')) {
      errs.push(invalid(fieldPath, jsonPath, 'must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.'));
    }
    if (unique.has(found.path)) errs.push(duplicate(fieldPath, jsonPath));
    else unique.add(found.path);
  });
  if (unique.size > MAX_SELECTABLE_FIELDS) {
    errs.push({ type: 'FieldValueTooMany', field: path, value: unique.size, detail: `must have at most ${MAX_SELECTABLE_FIELDS} items` });
  }
  return errs;
}
