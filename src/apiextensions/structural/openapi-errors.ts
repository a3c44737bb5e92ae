// kube-openapi's validation errors (pkg/validation/errors) as apiextensions-apiserver turns them
// into field errors (kubeOpenAPIResultToFieldErrors): `name` is kube-openapi's dotted path of the
// value, the message is kube-openapi's own text ("<name> in body ..."), and the field error's
// type follows the error code.
import type { FieldError } from '../../api/field-errors.js';
import { notSupported, required, tooLong } from '../../api/field-errors.js';
import { goNumber } from '../../api/go-format.js';
import { fieldOf } from './schema.js';

/** The bad value of a field error; numbers carry Go's printing of them. */
function bad(value: unknown): Pick<FieldError, 'value' | 'rendered'> {
  return typeof value === 'number' ? { value, rendered: goNumber(value) } : { value };
}

/** Go's %q of a string (JSON's quoting agrees for everything but rare control characters). */
const quote = (s: string): string => JSON.stringify(s);

function invalidValue(name: string, value: unknown, message: string): FieldError {
  return { type: 'FieldValueInvalid', field: fieldOf(name), ...bad(value), detail: message };
}

/** InvalidType: `<name> in body must be of type <t>: "<found>"` (found is a type or format name, or the string). */
export function typeError(name: string, typeName: string, found: string): FieldError {
  return { type: 'FieldValueTypeInvalid', field: fieldOf(name), value: found, detail: `${name} in body must be of type ${typeName}: ${quote(found)}` };
}

export const requiredError = (name: string): FieldError => required(fieldOf(name));

/** EnumFail → NotSupported, the allowed values as strings or JSON. */
export function enumError(name: string, value: unknown, allowed: unknown[]): FieldError {
  const values = allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return { ...notSupported(fieldOf(name), value, values), ...bad(value) };
}

export const tooLongError = (name: string, max: number): FieldError => tooLong(fieldOf(name), max);

export const tooShortError = (name: string, value: string, min: number): FieldError =>
  invalidValue(name, value, `${name} in body should be at least ${min} chars long`);

export const patternError = (name: string, value: string, pattern: string): FieldError =>
  invalidValue(name, value, `${name} in body should match '${pattern}'`);

/** TooManyItems and TooManyProperties → field.TooMany with the count. */
export function tooManyError(name: string, actual: number, max: number): FieldError {
  return { type: 'FieldValueTooMany', field: fieldOf(name), value: actual, detail: `must have at most ${max} items` };
}

export const tooFewItemsError = (name: string, size: number, min: number): FieldError =>
  invalidValue(name, size, `${name} in body should have at least ${min} items`);

export const tooFewPropertiesError = (name: string, size: number, min: number): FieldError =>
  invalidValue(name, size, `${name} in body should have at least ${min} properties`);

export const duplicateItemsError = (name: string): FieldError => invalidValue(name, '', `${name} in body shouldn't contain duplicates`);

export const forbiddenPropertyError = (name: string, property: string): FieldError =>
  invalidValue(name, property, `${name}.${property} in body is a forbidden property`);

/** Maximum/Minimum: integers compare with the bound truncated to an integer, as MaximumNativeType does. */
export function boundError(name: string, value: number, bound: number, kind: 'max' | 'min', exclusive: boolean): FieldError {
  const shown = Number.isInteger(value) ? String(Math.trunc(bound)) : goNumber(bound);
  const relation = kind === 'max' ? (exclusive ? 'less than' : 'less than or equal to') : exclusive ? 'greater than' : 'greater than or equal to';
  return invalidValue(name, value, `${name} in body should be ${relation} ${shown}`);
}

export function multipleOfError(name: string, value: number, factor: number): FieldError {
  const shown = Number.isInteger(value) ? String(Math.trunc(factor)) : goNumber(factor);
  return invalidValue(name, value, `${name} in body should be a multiple of ${shown}`);
}

/**
 * The composite messages of allOf/anyOf/oneOf/not are plain errors, not Validation errors: they
 * land on the nil path with an empty value, the path quoted inside the message.
 */
export function compositeError(name: string, message: string): FieldError {
  return { type: 'FieldValueInvalid', field: '<nil>', value: '', detail: `${quote(name)} ${message}` };
}
