// ValidatePodCreate and ValidatePodUpdate: the spec's rules, no ephemeral containers on create,
// and on update a spec that changes nothing but images, activeDeadlineSeconds, added
// tolerations and a negative terminationGracePeriodSeconds set to 1.
import { forbidden, invalid, required, type FieldError } from '../../api/field-errors.js';
import { deepCopy, type KubeObject } from '../../api/types.js';
import { deepEqual } from '../../registry/compare.js';
import { validatePodSpec } from './pod-spec.js';
import { list, obj, type Obj } from './values.js';

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export function validatePod(pod: KubeObject): FieldError[] {
  const errs = validatePodSpec(pod.spec, 'spec');
  const ephemeral = obj(pod.spec)?.ephemeralContainers;
  if (Array.isArray(ephemeral) && ephemeral.length) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  return errs;
}

/** The new spec with every field an update may change put back to the old value. */
function mungedSpec(spec: Obj, old: Obj): Obj {
  const munged = deepCopy(spec);
  for (const key of ['containers', 'initContainers']) {
    const oldContainers = list(old[key]);
    list(munged[key]).forEach((c, i) => {
      if (i < oldContainers.length) c.image = oldContainers[i].image;
    });
  }
  for (const key of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations']) {
    if (old[key] === undefined) delete munged[key];
    else munged[key] = old[key];
  }
  const oldGrace = old.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  return munged;
}

/** A short account of what differs, standing in for the Go cmp.Diff kube-apiserver appends. */
function specDiff(old: Obj, munged: Obj): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(munged)])].filter((k) => !deepEqual(old[k], munged[k]));
  return keys.map((k) => `- ${k}: ${JSON.stringify(old[k] ?? null)}\n+ ${k}: ${JSON.stringify(munged[k] ?? null)}`).join('\n');
}

function tolerationErrors(spec: Obj, old: Obj): FieldError[] {
  const next = list(spec.tolerations);
  const removed = list(old.tolerations).filter((t) => !next.some((n) => deepEqual(n, t)));
  return removed.length ? [forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')] : [];
}

/** ValidateContainerUpdates: same number of containers (else stop here), images non-blank. */
function containerUpdates(spec: Obj, old: Obj, key: string): { errors: FieldError[]; stop: boolean } {
  const next = list(spec[key]);
  if (next.length !== list(old[key]).length) return { errors: [forbidden(`spec.${key}`, 'pod updates may not add or remove containers')], stop: true };
  const errors: FieldError[] = [];
  next.forEach((c, i) => {
    const image = typeof c.image === 'string' ? c.image : '';
    if (!image) errors.push(required(`spec.${key}[${i}].image`, ''));
    if (image.trim() !== image) errors.push(invalid(`spec.${key}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errors, stop: false };
}

/** activeDeadlineSeconds may be set, or lowered, but not raised nor removed. */
function deadlineUpdate(spec: Obj, old: Obj): FieldError[] {
  const next = spec.activeDeadlineSeconds;
  const previous = old.activeDeadlineSeconds;
  if (typeof next === 'number') {
    if (next < 0 || next > 2147483647) return [invalid('spec.activeDeadlineSeconds', next, 'must be between 0 and 2147483647, inclusive')];
    if (typeof previous === 'number' && previous < next) return [invalid('spec.activeDeadlineSeconds', next, 'must be less than or equal to previous value')];
    return [];
  }
  return previous === undefined ? [] : [invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value')];
}

export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const spec = obj(pod.spec) ?? {};
  const oldSpec = obj(old.spec) ?? {};
  const errs = validatePodSpec(spec, 'spec');
  for (const key of ['containers', 'initContainers']) {
    const { errors, stop } = containerUpdates(spec, oldSpec, key);
    errs.push(...errors);
    if (stop) return errs;
  }
  errs.push(...deadlineUpdate(spec, oldSpec), ...tolerationErrors(spec, oldSpec));
  const munged = mungedSpec(spec, oldSpec);
  if (!deepEqual(munged, oldSpec)) errs.push(forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(oldSpec, munged)}`));
  return errs;
}
