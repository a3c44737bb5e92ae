// Validators many kinds share (apimachinery validation and pkg/apis/core/validation helpers):
// non-negative numbers, DNS labels, port numbers and names, label selectors.
import { forbidden, invalid, required, type FieldError } from '../../api/field-errors.js';
import { validateLabels } from '../metadata-fields.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, maxLenError } from '../names.js';
import { list, obj, str, stringMap } from './values.js';

export const NEGATIVE = 'must be greater than or equal to 0';
export const PORT_RANGE = 'must be between 1 and 65535, inclusive';

/** ValidateNonnegativeField; an absent value is not checked. */
export function nonNegative(path: string, value: unknown): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(path, value, NEGATIVE)] : [];
}

export function dns1123Label(path: string, value: string): FieldError[] {
  return isDNS1123Label(value).map((msg) => invalid(path, value, msg));
}

export function dns1123Subdomain(path: string, value: string): FieldError[] {
  return isDNS1123Subdomain(value).map((msg) => invalid(path, value, msg));
}

export function isValidPortNum(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** validation.IsValidPortName (IANA service names). */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** ValidatePortNumOrName: a target port is a valid number or a valid port name. */
export function portNumOrName(path: string, port: unknown): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port) ? [] : [invalid(path, port, PORT_RANGE)];
  if (typeof port === 'string') {
    if (!port) return [required(path, '')];
    return portNameErrors(port).map((msg) => invalid(path, port, msg));
  }
  return [];
}

function selectorRequirement(expr: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = Array.isArray(expr.values) ? expr.values.map(str) : [];
  const operator = str(expr.operator);
  if (operator === 'In' || operator === 'NotIn') {
    if (!values.length) errs.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length) errs.push(forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else {
    errs.push(invalid(`${path}.operator`, operator, 'not a valid selector operator'));
  }
  const key = str(expr.key);
  for (const msg of isQualifiedName(key)) errs.push(invalid(`${path}.key`, key, msg));
  values.forEach((value, i) => {
    for (const msg of isValidLabelValue(value)) errs.push(invalid(`${path}.values[${i}]`, value, msg));
  });
  return errs;
}

/** ValidateLabelSelector (strict label values). */
export function labelSelector(selector: unknown, path: string): FieldError[] {
  const sel = obj(selector);
  if (!sel) return [];
  const errs = validateLabels(stringMap(sel.matchLabels), `${path}.matchLabels`);
  list(sel.matchExpressions).forEach((expr, i) => errs.push(...selectorRequirement(expr, `${path}.matchExpressions[${i}]`)));
  return errs;
}

export function selectorIsEmpty(selector: unknown): boolean {
  const sel = obj(selector) ?? {};
  return !Object.keys(obj(sel.matchLabels) ?? {}).length && !list(sel.matchExpressions).length;
}
