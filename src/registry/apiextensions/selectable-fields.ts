// ValidateCustomResourceSelectableFields: at most 8 distinct fields, each a dotted path (no array
// notation) through the version's schema to a string, boolean or integer outside metadata. The
// path walk is cel.ValidFieldPath's with array notation off.
import { duplicate, invalid, required, type FieldError } from '../../api/field-errors.js';
import { validFieldPath } from '../../apiextensions/structural/index.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import type { SelectableField } from './types.js';

const MAX_SELECTABLE_FIELDS = 8;

const ALLOWED_TYPES = ['string', 'boolean', 'integer'];

export function validateSelectableFields(fields: SelectableField[], schema: Schema, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const unique = new Set<string>();
  fields.forEach((f, i) => {
    const fieldPath = `${path}[${i}].jsonPath`;
    const jsonPath = f.jsonPath ?? '';
    if (!jsonPath) return void errs.push(required(fieldPath, ''));
    const found = validFieldPath(jsonPath, schema, false);
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
