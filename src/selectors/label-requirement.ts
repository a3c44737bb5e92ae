// One label selector requirement (apimachinery pkg/labels Requirement): its validation with the
// exact error text of NewRequirement, how it matches a label set, and how it prints.
import { fieldErrorString, invalid, type FieldError } from '../api/field-errors.js';
import { isQualifiedName, isValidLabelValue } from '../validation/names.js';

/** selection.Operator values. '!' is DoesNotExist. */
export type LabelOperator = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

/** A selector that cannot be parsed or built; the message is Kubernetes' own error text. */
export class LabelSelectorError extends Error {}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): undefined when it would fail. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/** utilerrors.Aggregate's text: one error as is, several de-duplicated inside brackets. */
export function aggregateMessage(errs: readonly FieldError[]): string {
  const unique = [...new Set(errs.map(fieldErrorString))];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

function operatorErrors(operator: LabelOperator, values: readonly string[]): FieldError[] {
  const list = [...values];
  switch (operator) {
    case 'in':
    case 'notin':
      return list.length ? [] : [invalid('values', list, "for 'in', 'notin' operators, values set can't be empty")];
    case '=':
    case '==':
    case '!=':
      return list.length === 1 ? [] : [invalid('values', list, 'exact-match compatibility requires one single value')];
    case 'exists':
    case '!':
      return list.length === 0 ? [] : [invalid('values', list, 'values set must be empty for exists and does not exist')];
    case 'gt':
    case 'lt': {
      const errs = list.length === 1 ? [] : [invalid('values', list, "for 'Gt', 'Lt' operators, exactly one value is required")];
      list.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      return errs;
    }
  }
}

/** labels.NewRequirement: validates key, operator arity and values, or throws with the aggregate text. */
export function newRequirement(key: string, operator: LabelOperator, values: readonly string[]): LabelRequirement {
  const errs: FieldError[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(invalid('key', key, keyErrs.join('; ')));
  errs.push(...operatorErrors(operator, values));
  values.forEach((v, i) => {
    const valueErrs = isValidLabelValue(v);
    if (valueErrs.length) errs.push(invalid(`values[${i}][${key}]`, v, valueErrs.join('; ')));
  });
  if (errs.length) throw new LabelSelectorError(aggregateMessage(errs));
  return { key, operator, values: [...values] };
}

function compareInt(r: LabelRequirement, actual: string): boolean {
  const have = parseInt64(actual);
  const want = r.values.length === 1 ? parseInt64(r.values[0]) : undefined;
  if (have === undefined || want === undefined) return false;
  return r.operator === 'gt' ? have > want : have < want;
}

export function requirementMatches(r: LabelRequirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : '';
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt':
      return has && compareInt(r, value);
  }
}

const INFIX: Record<LabelOperator, string> = {
  exists: '',
  '!': '',
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
};

/** Requirement.String: values sorted, sets in parentheses. */
export function requirementString(r: LabelRequirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  const set = r.operator === 'in' || r.operator === 'notin';
  return `${r.key}${INFIX[r.operator]}${set ? `(${values})` : values}`;
}
