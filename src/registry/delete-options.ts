// metav1.DeleteOptions from a DELETE body and query, validated as apimachinery does.
import { newBadRequest, newInvalid } from '../api/errors.js';
import { parseQueryBool } from './list-options.js';
import type { UserInfo } from '../server/context.js';
import { invalid, notSupported, type FieldError } from '../api/field-errors.js';
import { isPlainObject } from '../api/types.js';

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptions {
  /** Who deletes and where admission warnings go (set by the handler, not the client). */
  user?: UserInfo;
  warnings?: string[];
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: PropagationPolicy;
  orphanDependents?: boolean;
  dryRun: boolean;
}

const POLICIES = ['Foreground', 'Background', 'Orphan'];

/** The options as sent: the body when there is one, else the query parameters (handlers/delete.go). */
function rawOptions(body: unknown, query: URLSearchParams): Record<string, unknown> {
  if (isPlainObject(body)) return body;
  const raw: Record<string, unknown> = {};
  const grace = query.get('gracePeriodSeconds');
  if (grace !== null) {
    if (!/^-?\d+$/.test(grace)) throw newBadRequest(`strconv.ParseInt: parsing "${grace}": invalid syntax`);
    raw.gracePeriodSeconds = Number(grace);
  }
  const policy = query.get('propagationPolicy');
  if (policy !== null) raw.propagationPolicy = policy;
  const orphan = parseQueryBool(query, 'orphanDependents');
  if (orphan !== undefined) raw.orphanDependents = orphan;
  const dryRun = query.getAll('dryRun');
  if (dryRun.length) raw.dryRun = dryRun;
  return raw;
}

export function parseDeleteOptions(body: unknown, query: URLSearchParams): DeleteOptions {
  const b = rawOptions(body, query);
  const errs: FieldError[] = [];
  const options: DeleteOptions = { dryRun: false };
  if (b.gracePeriodSeconds !== undefined && b.gracePeriodSeconds !== null) {
    if (!Number.isInteger(b.gracePeriodSeconds)) throw newBadRequest(`json: cannot unmarshal ${typeof b.gracePeriodSeconds} into Go struct field DeleteOptions.gracePeriodSeconds of type int64`);
    options.gracePeriodSeconds = b.gracePeriodSeconds as number;
  }
  const policy = b.propagationPolicy;
  if (policy !== undefined && policy !== null) {
    if (!POLICIES.includes(String(policy))) errs.push(notSupported('propagationPolicy', policy, [...POLICIES, 'nil']));
    else options.propagationPolicy = policy as PropagationPolicy;
  }
  if (typeof b.orphanDependents === 'boolean') options.orphanDependents = b.orphanDependents;
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
  const dryRun = Array.isArray(b.dryRun) ? b.dryRun.map(String) : [];
  if (dryRun.some((v) => v !== 'All')) errs.push(notSupported('dryRun', dryRun, ['All']));
  options.dryRun = dryRun.length > 0;
  if (errs.length) throw newInvalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', errs);
  return options;
}
