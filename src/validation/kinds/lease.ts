// coordination.k8s.io/v1 validation (pkg/apis/coordination/validation): Lease specs, the same
// rules on create and update.
import { forbidden, invalid, notSupported, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { obj, str } from './values.js';

const STRATEGIES = ['OldestEmulationVersion'];

export function validateLease(lease: KubeObject): FieldError[] {
  const spec = obj(lease.spec) ?? {};
  const errs: FieldError[] = [];
  const duration = spec.leaseDurationSeconds;
  if (typeof duration === 'number' && duration <= 0) errs.push(invalid('spec.leaseDurationSeconds', duration, 'must be greater than 0'));
  const transitions = spec.leaseTransitions;
  if (typeof transitions === 'number' && transitions < 0) {
    errs.push(invalid('spec.leaseTransitions', transitions, 'must be greater than or equal to 0'));
  }
  const strategy = str(spec.strategy);
  if (strategy && !STRATEGIES.includes(strategy)) errs.push(notSupported('spec.strategy', strategy, STRATEGIES));
  if (str(spec.preferredHolder) && !strategy) {
    errs.push(forbidden('spec.preferredHolder', 'may only be specified if `strategy` is defined'));
  }
  return errs;
}
