// kube-openapi's schema validation of a custom resource (pkg/validation/validate), in its order:
// type, allOf/anyOf/oneOf/not, string, format, number, array, enum, object. With an old object
// (an update) it ratchets as CRDValidationRatcheting does: the errors of a value the update left
// unchanged are dropped, for values that correlate with an old one (see correlation.ts).
import type { FieldError } from '../../api/field-errors.js';
import { isPlainObject } from '../../api/types.js';
import type { Correlated } from './correlation.js';
import { fieldCorrelation, itemCorrelations, unchanged } from './correlation.js';
import { formatChecker } from './formats.js';
import { validateComposition } from './openapi-composition.js';
import * as E from './openapi-errors.js';
import type { CRDSchema, JSONObject } from './schema.js';
import { deepEqual } from '../../registry/compare.js';
import { additionalSchema, canonicalJSON, child, index, jsonType } from './schema.js';

type Add = (e: FieldError) => void;

/** Validates a value against its schema node, appending field errors to `out`. */
export function validateValue(s: CRDSchema, v: unknown, name: string, c: Correlated | undefined, out: FieldError[]): void {
  let ratcheted: boolean | undefined;
  const add: Add = (e) => {
    ratcheted ??= unchanged(v, c);
    if (!ratcheted) out.push(e);
  };
  checkType(s, v, name, add);
  if (v === null || v === undefined) {
    checkEnum(s, v, name, add);
    return;
  }
  validateComposition(s, name, add, (branch) => {
    const errs: FieldError[] = [];
    validateValue(branch, v, name, undefined, errs);
    return errs;
  });
  if (typeof v === 'string') checkString(s, v, name, add);
  if (typeof v === 'number') checkNumber(s, v, name, add);
  if (Array.isArray(v)) checkArray(s, v, name, c, out, add);
  checkEnum(s, v, name, add);
  if (isPlainObject(v)) checkObject(s, v, name, c, out, add);
}

/** The format kube-openapi infers for a non-string value (schemaInfoForType). */
const inferredFormat = (v: unknown): string => (typeof v !== 'number' ? '' : Number.isInteger(v) ? 'int64' : 'float64');

function checkType(s: CRDSchema, v: unknown, name: string, add: Add): void {
  const types = s['x-kubernetes-int-or-string'] ? ['integer', 'string'] : s.type ? [s.type] : [];
  const format = formatChecker(s.format) ? s.format : undefined;
  if (!types.length && !format) return;
  if (v === null || v === undefined) {
    if (types.length && !s.nullable) add(E.typeError(name, types.join(','), 'null'));
    return;
  }
  const t = jsonType(v);
  const typeOk = types.includes(t) || (t === 'integer' && types.includes('number'));
  const stringOrArray = t === 'string' || t === 'array';
  if (format && !stringOrArray && !typeOk) return add(E.typeError(name, format, inferredFormat(v)));
  if (format && stringOrArray && !types.includes('number') && !types.includes('integer')) return;
  if (!typeOk) add(E.typeError(name, types.join(','), t));
}

const patterns = new Map<string, RegExp | null>();

function compiledPattern(pattern: string): RegExp | null {
  let rx = patterns.get(pattern);
  if (rx === undefined) {
    try {
      rx = new RegExp(pattern, 'u');
    } catch {
      rx = null;
    }
    patterns.set(pattern, rx);
  }
  return rx;
}

function checkString(s: CRDSchema, v: string, name: string, add: Add): void {
  const length = s.maxLength !== undefined || s.minLength !== undefined ? [...v].length : 0;
  if (s.maxLength !== undefined && length > s.maxLength) add(E.tooLongError(name, s.maxLength));
  else if (s.minLength !== undefined && length < s.minLength) add(E.tooShortError(name, v, s.minLength));
  else if (s.pattern && compiledPattern(s.pattern)?.test(v) === false) add(E.patternError(name, v, s.pattern));
  const format = formatChecker(s.format);
  if (format && s.format && !format(v)) add(E.typeError(name, s.format, v));
}

/** swag.IsFloat64AJSONInteger: whole, or within 1e-9 relative distance of a whole number. */
function nearlyWhole(f: number): boolean {
  if (!Number.isFinite(f)) return false;
  const g = Math.round(f);
  return f === g || Math.abs(f - g) / Math.abs(f + g) < 1e-9;
}

function notMultiple(v: number, factor: number): boolean {
  if (Number.isInteger(v) && Number.isInteger(factor)) return v % factor !== 0;
  return !nearlyWhole(factor < 1 ? (1 / factor) * v : v / factor);
}

function exceeds(v: number, bound: number, kind: 'max' | 'min', exclusive: boolean): boolean {
  const b = Number.isInteger(v) ? Math.trunc(bound) : bound;
  if (kind === 'max') return exclusive ? v >= b : v > b;
  return exclusive ? v <= b : v < b;
}

function checkNumber(s: CRDSchema, v: number, name: string, add: Add): void {
  if (s.multipleOf !== undefined && s.multipleOf !== 0 && notMultiple(v, s.multipleOf)) add(E.multipleOfError(name, v, s.multipleOf));
  if (s.minimum !== undefined && exceeds(v, s.minimum, 'min', !!s.exclusiveMinimum)) {
    add(E.boundError(name, v, s.minimum, 'min', !!s.exclusiveMinimum));
  }
  if (s.maximum !== undefined && exceeds(v, s.maximum, 'max', !!s.exclusiveMaximum)) {
    add(E.boundError(name, v, s.maximum, 'max', !!s.exclusiveMaximum));
  }
}

function checkArray(s: CRDSchema, v: unknown[], name: string, c: Correlated | undefined, out: FieldError[], add: Add): void {
  if (s.items) {
    const olds = itemCorrelations(s, v, c);
    v.forEach((item, i) => validateValue(s.items as CRDSchema, item, index(name, i), olds[i], out));
  }
  if (s.minItems !== undefined && v.length < s.minItems) add(E.tooFewItemsError(name, v.length, s.minItems));
  if (s.maxItems !== undefined && v.length > s.maxItems) add(E.tooManyError(name, v.length, s.maxItems));
  if (s.uniqueItems && new Set(v.map(canonicalJSON)).size !== v.length) add(E.duplicateItemsError(name));
}

function checkEnum(s: CRDSchema, v: unknown, name: string, add: Add): void {
  if (!s.enum?.length) return;
  if (v !== null && v !== undefined && s.enum.some((e) => deepEqual(e, v))) return;
  add(E.enumError(name, v ?? null, s.enum));
}

function checkObject(s: CRDSchema, v: JSONObject, name: string, c: Correlated | undefined, out: FieldError[], add: Add): void {
  const size = Object.keys(v).length;
  if (s.minProperties !== undefined && size < s.minProperties) return add(E.tooFewPropertiesError(name, size, s.minProperties));
  if (s.maxProperties !== undefined && size > s.maxProperties) return add(E.tooManyError(name, size, s.maxProperties));
  const props = s.properties ?? {};
  const additional = additionalSchema(s);
  for (const [k, value] of Object.entries(v)) {
    if (Object.hasOwn(props, k)) continue;
    if (s.additionalProperties === false) add(E.forbiddenPropertyError(name, k));
    else if (additional) validateValue(additional, value, child(name, k), fieldCorrelation(c, k), out);
  }
  for (const [k, prop] of Object.entries(props)) {
    if (Object.hasOwn(v, k)) validateValue(prop, v[k], child(name, k), fieldCorrelation(c, k), out);
  }
  for (const k of s.required ?? []) if (!Object.hasOwn(v, k)) add(E.requiredError(child(name, k)));
}
