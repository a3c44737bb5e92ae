// The rule ConfigMaps and Secrets share: once `immutable: true` is stored, the flag and the data
// can no longer change (ValidateConfigMapUpdate, ValidateSecretUpdate).
import type { KubeObject } from '../../api/types.js';
import { forbidden, type FieldError } from '../../api/field-errors.js';
import { deepEqual } from '../compare.js';

const DETAIL = 'field is immutable when `immutable` is set';

/** Errors for an update of an immutable object that changes the flag or one of `dataFields`. */
export function immutableDataErrors(obj: KubeObject, old: KubeObject, dataFields: readonly string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errors: FieldError[] = [];
  if (obj.immutable !== true) errors.push(forbidden('immutable', DETAIL));
  for (const field of dataFields) if (!deepEqual(obj[field], old[field])) errors.push(forbidden(field, DETAIL));
  return errors;
}
