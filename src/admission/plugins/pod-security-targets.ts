// What PodSecurity looks at in a request (pod-security-admission admission.go): pods, minus the
// subresources that cannot change their security (and updates that change no image or seccomp
// annotation), and the pod templates of the workload kinds.
import type { KubeObject, ObjectMeta } from '../../api/types.js';
import { deepEqual } from '../../registry/compare.js';
import type { AdmissionAttributes } from '../interfaces.js';
import type { PodSpec } from './pod-security-helpers.js';

export interface PodParts {
  meta: ObjectMeta;
  spec: PodSpec;
}

const IGNORED_POD_SUBRESOURCES = new Set(['exec', 'attach', 'binding', 'eviction', 'log', 'portforward', 'proxy', 'status']);
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** The workload kinds whose pod templates get warnings: group/resource → where the template is. */
const TEMPLATE_PATHS: Record<string, string[]> = {
  '/podtemplates': ['template'],
  '/replicationcontrollers': ['spec', 'template'],
  'apps/replicasets': ['spec', 'template'],
  'apps/deployments': ['spec', 'template'],
  'apps/statefulsets': ['spec', 'template'],
  'apps/daemonsets': ['spec', 'template'],
  'batch/jobs': ['spec', 'template'],
  'batch/cronjobs': ['spec', 'jobTemplate', 'spec', 'template'],
};

function dig(obj: unknown, path: readonly string[]): unknown {
  let cur = obj;
  for (const key of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  return cur;
}

export function podParts(pod: KubeObject): PodParts {
  return { meta: pod.metadata, spec: (pod.spec ?? {}) as PodSpec };
}

/** isSignificantPodUpdate: only new images or seccomp annotations can change the verdict. */
function significantPodUpdate(pod: KubeObject, old: KubeObject): boolean {
  const annotations = pod.metadata.annotations ?? {};
  const oldAnnotations = old.metadata.annotations ?? {};
  if (annotations[SECCOMP_POD_ANNOTATION] !== oldAnnotations[SECCOMP_POD_ANNOTATION]) return true;
  const spec = (pod.spec ?? {}) as Record<string, { name?: string; image?: string }[] | undefined>;
  const oldSpec = (old.spec ?? {}) as typeof spec;
  for (const field of ['containers', 'initContainers', 'ephemeralContainers']) {
    const now = spec[field] ?? [];
    const before = oldSpec[field] ?? [];
    if (now.length !== before.length) return true;
    for (let i = 0; i < now.length; i++) {
      const key = SECCOMP_CONTAINER_PREFIX + (now[i].name ?? '');
      if (now[i].image !== before[i].image || annotations[key] !== oldAnnotations[key]) return true;
    }
  }
  return false;
}

/** The pod a pod request is about, when it needs evaluating. */
export function podToEvaluate(attrs: AdmissionAttributes): PodParts | undefined {
  if (attrs.resource.group !== '' || attrs.resource.resource !== 'pods' || IGNORED_POD_SUBRESOURCES.has(attrs.subresource) || !attrs.object) return undefined;
  if (attrs.operation === 'UPDATE' && attrs.oldObject && !significantPodUpdate(attrs.object, attrs.oldObject)) return undefined;
  return podParts(attrs.object);
}

/** The pod template a workload request is about, when it needs evaluating. */
export function templateToEvaluate(attrs: AdmissionAttributes): PodParts | undefined {
  const path = TEMPLATE_PATHS[`${attrs.resource.group}/${attrs.resource.resource}`];
  if (!path || attrs.subresource || !attrs.object) return undefined;
  const template = dig(attrs.object, path) as { metadata?: ObjectMeta; spec?: PodSpec } | undefined;
  if (!template) return undefined;
  if (attrs.operation === 'UPDATE' && attrs.oldObject) {
    const old = dig(attrs.oldObject, path) as typeof template;
    if (deepEqual(old?.spec, template.spec) && deepEqual(old?.metadata?.annotations, template.metadata?.annotations)) return undefined;
  }
  return { meta: template.metadata ?? {}, spec: template.spec ?? {} };
}
