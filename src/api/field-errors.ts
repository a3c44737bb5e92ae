// field.Error from k8s.io/apimachinery/pkg/util/validation/field: one invalid field, rendered the
// way kube-apiserver renders it in Status causes and in the aggregate Invalid message.

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueDuplicate'
  | 'FieldValueNotFound'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid'
  | 'InternalError';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The offending value, already known to render; omitted for types that print none. */
  value?: unknown;
  /**
   * The value as Go prints it, when JSON-like rendering would differ (an IntOrString `25%` bare,
   * a struct in `%#v` form): used instead of `value`.
   */
  rendered?: string;
  detail?: string;
}

/** Renders a value as Go's field.Error does: strings quoted, numbers and bools bare, nil as null. */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
    return JSON.stringify(value);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, v]) => typeof v === 'string')) {
      return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
    }
    return JSON.stringify(value);
  }
  return String(value);
}

/** The ErrorBody of a field.Error: what a Status cause carries as its message. */
export function errorBody(e: FieldError): string {
  const withDetail = (s: string): string => (e.detail ? `${s}: ${e.detail}` : s);
  const value = (): string => e.rendered ?? renderValue(e.value);
  switch (e.type) {
    case 'FieldValueRequired':
      return withDetail('Required value');
    case 'FieldValueInvalid':
    case 'FieldValueTypeInvalid':
      return withDetail(`Invalid value: ${value()}`);
    case 'FieldValueNotSupported':
      return withDetail(`Unsupported value: ${value()}`);
    case 'FieldValueForbidden':
      return withDetail('Forbidden');
    case 'FieldValueDuplicate':
      return withDetail(`Duplicate value: ${value()}`);
    case 'FieldValueNotFound':
      return withDetail(`Not found: ${value()}`);
    case 'FieldValueTooLong':
      return withDetail('Too long');
    case 'FieldValueTooMany':
      // field.TooMany omits the count when it is not known.
      return withDetail(e.value === undefined ? 'Too many' : `Too many: ${value()}`);
    case 'InternalError':
      return withDetail('Internal error');
  }
}

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

export const required = (field: string, detail?: string): FieldError => ({ type: 'FieldValueRequired', field, detail });
export const invalid = (field: string, value: unknown, detail?: string): FieldError => ({ type: 'FieldValueInvalid', field, value, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail });
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, value });
export const notFound = (field: string, value: unknown): FieldError => ({ type: 'FieldValueNotFound', field, value });
export const tooLong = (field: string, max: number): FieldError => ({
  type: 'FieldValueTooLong',
  field,
  detail: max < 0 ? 'value is too long' : `may not be more than ${max} bytes`,
});
export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldError => ({
  type: 'FieldValueNotSupported',
  field,
  value,
  detail: supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : undefined,
});
