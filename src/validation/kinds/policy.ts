// policy/v1 validation (pkg/apis/policy/validation): PodDisruptionBudget specs. The spec stays
// mutable on update, so update runs the same rules.
import { invalid, notSupported, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { regexError } from '../names.js';
import { labelSelector, nonNegative } from './common.js';
import { obj, str, type Obj } from './values.js';

const PERCENT = regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%');
const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** ValidatePositiveIntOrPercent followed by IsNotMoreThan100Percent. */
function intOrPercent(path: string, value: unknown): FieldError[] {
  if (typeof value !== 'string') return nonNegative(path, value);
  if (!/^[0-9]+%$/.test(value)) return [invalid(path, value, PERCENT)];
  return Number.parseInt(value, 10) > 100 ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

/**
 * The spec as Go's %#v prints the internal struct: every field a pointer, shown by address. Heap
 * addresses vary per request in kube-apiserver; these are stand-ins of the same shape.
 */
function goSpec(spec: Obj): string {
  const fields: [string, string, unknown][] = [
    ['MinAvailable', 'intstr.IntOrString', spec.minAvailable],
    ['Selector', 'v1.LabelSelector', spec.selector],
    ['MaxUnavailable', 'intstr.IntOrString', spec.maxUnavailable],
    ['UnhealthyPodEvictionPolicy', 'policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy],
  ];
  const shown = fields.map(([name, type, value], i) => {
    const address = value === undefined || value === null ? 'nil' : `0xc0${(0x100000 + i * 0x20).toString(16).padStart(8, '0')}`;
    return `${name}:(*${type})(${address})`;
  });
  return `policy.PodDisruptionBudgetSpec{${shown.join(', ')}}`;
}

export function validatePodDisruptionBudget(pdb: KubeObject): FieldError[] {
  const spec = obj(pdb.spec) ?? {};
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push({ ...invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'), rendered: goSpec(spec) });
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
