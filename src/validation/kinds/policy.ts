// policy/v1 validation (pkg/apis/policy/validation): PodDisruptionBudget specs. The spec stays
// mutable on update, so update runs the same rules.
import { invalid, notSupported, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { regexError } from '../names.js';
import { labelSelector, nonNegative } from './common.js';
import { obj, str } from './values.js';

const PERCENT = regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%');
const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** ValidatePositiveIntOrPercent followed by IsNotMoreThan100Percent. */
function intOrPercent(path: string, value: unknown): FieldError[] {
  if (typeof value !== 'string') return nonNegative(path, value);
  if (!/^[0-9]+%$/.test(value)) return [invalid(path, value, PERCENT)];
  return Number.parseInt(value, 10) > 100 ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

export function validatePodDisruptionBudget(pdb: KubeObject): FieldError[] {
  const spec = obj(pdb.spec) ?? {};
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (spec.minAvailable !== undefined) errs.push(...intOrPercent('spec.minAvailable', spec.minAvailable));
  if (spec.maxUnavailable !== undefined) errs.push(...intOrPercent('spec.maxUnavailable', spec.maxUnavailable));
  errs.push(...labelSelector(spec.selector, 'spec.selector'));
  const policy = str(spec.unhealthyPodEvictionPolicy);
  if (spec.unhealthyPodEvictionPolicy !== undefined && !EVICTION_POLICIES.includes(policy)) {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, EVICTION_POLICIES));
  }
  return errs;
}
