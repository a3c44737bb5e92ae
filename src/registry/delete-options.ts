// metav1.DeleteOptions from a DELETE body and query, validated as apimachinery does.
import { newInvalid } from '../api/errors.js';
import { invalid, notSupported, type FieldError } from '../api/field-errors.js';
import { isPlainObject } from '../api/types.js';

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: PropagationPolicy;
  orphanDependents?: boolean;
  dryRun: boolean;
}

const POLICIES = ['Foreground', 'Background', 'Orphan'];

/** Merges the body (if any) with query parameters; the query wins, as in kube-apiserver. */
export function parseDeleteOptions(body: unknown, query: URLSearchParams): DeleteOptions {
  const b = isPlainObject(body) ? body : {};
  const errs: FieldError[] = [];
  const options: DeleteOptions = { dryRun: false };
  const grace = query.get('gracePeriodSeconds') ?? b.gracePeriodSeconds;
  if (grace !== undefined && grace !== null) {
    const n = Number(grace);
    if (!Number.isInteger(n)) errs.push(invalid('gracePeriodSeconds', grace));
    else options.gracePeriodSeconds = n;
  }
  const policy = query.get('propagationPolicy') ?? b.propagationPolicy;
  if (policy !== undefined && policy !== null) {
    if (!POLICIES.includes(String(policy))) errs.push(notSupported('propagationPolicy', policy, [...POLICIES, 'nil']));
    else options.propagationPolicy = policy as PropagationPolicy;
  }
  const orphan = query.get('orphanDependents') ?? b.orphanDependents;
  if (orphan !== undefined && orphan !== null) options.orphanDependents = orphan === true || orphan === 'true';
  if (options.orphanDependents !== undefined && options.propagationPolicy) {
    errs.push(invalid('propagationPolicy', options.propagationPolicy, 'orphanDependents and deletionPropagation cannot be both set'));
  }
  if (isPlainObject(b.preconditions)) {
    const p = b.preconditions;
    options.preconditions = {
      ...(typeof p.uid === 'string' ? { uid: p.uid } : {}),
      ...(typeof p.resourceVersion === 'string' ? { resourceVersion: p.resourceVersion } : {}),
    };
  }
  const dryRun = query.getAll('dryRun');
  const bodyDryRun = Array.isArray(b.dryRun) ? b.dryRun.map(String) : [];
  options.dryRun = [...dryRun, ...bodyDryRun].includes('All');
  if (errs.length) throw newInvalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', errs);
  return options;
}
