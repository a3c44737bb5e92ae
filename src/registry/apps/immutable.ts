// apimachinery's ValidateImmutableField: an update may not change the field at all.
import { invalid, type FieldError } from '../../api/field-errors.js';
import { deepEqual } from '../compare.js';

/** `<path>: Invalid value: <new>: field is immutable` when the value changed. */
export function immutableField(path: string, value: unknown, old: unknown): FieldError[] {
  return deepEqual(value ?? null, old ?? null) ? [] : [invalid(path, value ?? null, 'field is immutable')];
}
