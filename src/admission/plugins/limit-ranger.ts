// LimitRanger (plugin/pkg/admission/limitranger): the LimitRanges of a namespace give new pods'
// containers their default requests and limits (admit, noted in the kubernetes.io/limit-ranger
// annotation) and hold pods and claims to their min, max and maxLimitRequestRatio (validate).
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionPlugin, Operation } from '../interfaces.js';
import type { AdmissionDeps, PluginFactory } from '../plugin-order.js';
import { admissionForbidden, aggregateMessage } from './attributes.js';
import { limitRequestRatioConstraint, maxConstraint, maxRequestConstraint, minConstraint, type Constraint } from './limit-ranger-constraints.js';
import { podLimits, podRequests } from './pod-resources.js';
import { readResourceList, type ResourceList } from './resource-list.js';

const ANNOTATION = 'kubernetes.io/limit-ranger';

interface LimitRangeItem {
  type?: string;
  min?: unknown;
  max?: unknown;
  default?: unknown;
  defaultRequest?: unknown;
  maxLimitRequestRatio?: unknown;
}

interface Container {
  name?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

const itemsOf = (lr: KubeObject): LimitRangeItem[] => ((lr.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []);

/** The unset defaults of one container, noted as `cpu, memory request for container x`. */
function defaultContainer(container: Container, kind: string, defaults: { requests: Record<string, string>; limits: Record<string, string> }): string[] {
  const notes: string[] = [];
  const resources = (container.resources ??= {});
  for (const field of ['requests', 'limits'] as const) {
    const set = Object.keys(defaults[field]).filter((name) => resources[field]?.[name] === undefined);
    if (!set.length) continue;
    resources[field] = { ...resources[field], ...Object.fromEntries(set.map((name) => [name, defaults[field][name]])) };
    notes.push(`${set.sort().join(', ')} ${field === 'requests' ? 'request' : 'limit'} for ${kind} ${container.name ?? ''}`);
  }
  return notes;
}

export function applyLimitRangeDefaults(limitRange: KubeObject, pod: KubeObject): void {
  const defaults = { requests: {} as Record<string, string>, limits: {} as Record<string, string> };
  for (const item of itemsOf(limitRange)) {
    if (item.type !== 'Container') continue;
    Object.assign(defaults.requests, item.defaultRequest ?? {});
    Object.assign(defaults.limits, item.default ?? {});
  }
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  const notes = [
    ...(spec.containers ?? []).flatMap((c) => defaultContainer(c, 'container', defaults)),
    ...(spec.initContainers ?? []).flatMap((c) => defaultContainer(c, 'init container', defaults)),
  ];
  if (notes.length) pod.metadata.annotations = { ...pod.metadata.annotations, [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
}

/** min, max and ratio of one item over one set of requests and limits, names in order. */
function checkItem(item: LimitRangeItem, requests: ResourceList, limits: ResourceList): string[] {
  const limitType = item.type ?? '';
  const errors: (string | undefined)[] = [];
  const each = (field: unknown, check: (c: Constraint) => string | undefined): void => {
    const bounds = readResourceList(field);
    for (const resource of [...bounds.keys()].sort()) errors.push(check({ limitType, resource, enforced: bounds.get(resource)! }));
  };
  each(item.min, (c) => minConstraint(c, requests, limits));
  each(item.max, (c) => maxConstraint(c, requests, limits));
  each(item.maxLimitRequestRatio, (c) => limitRequestRatioConstraint(c, requests, limits));
  return errors.filter((e): e is string => e !== undefined);
}

export function validatePodLimits(limitRange: KubeObject, pod: KubeObject): string[] {
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  const errors: string[] = [];
  for (const item of itemsOf(limitRange)) {
    if (item.type === 'Container') {
      for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
        errors.push(...checkItem(item, readResourceList(c.resources?.requests), readResourceList(c.resources?.limits)));
      }
    } else if (item.type === 'Pod') {
      errors.push(...checkItem(item, podRequests(pod), podLimits(pod)));
    }
  }
  return errors;
}

export function validateClaimLimits(limitRange: KubeObject, claim: KubeObject): string[] {
  const requests = readResourceList((claim.spec as { resources?: { requests?: unknown } } | undefined)?.resources?.requests);
  const errors: (string | undefined)[] = [];
  for (const item of itemsOf(limitRange)) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    const limitType = item.type;
    const min = readResourceList(item.min);
    const max = readResourceList(item.max);
    for (const resource of [...min.keys()].sort()) errors.push(minConstraint({ limitType, resource, enforced: min.get(resource)! }, requests, new Map()));
    for (const resource of [...max.keys()].sort()) errors.push(maxRequestConstraint({ limitType, resource, enforced: max.get(resource)! }, requests));
  }
  return errors.filter((e): e is string => e !== undefined);
}

class LimitRanger implements AdmissionPlugin {
  readonly name = 'LimitRanger';
  readonly #deps: AdmissionDeps;

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
  }

  handles(operation: Operation): boolean {
    return operation === 'CREATE' || operation === 'UPDATE';
  }

  /** Pods on create (their containers cannot change later) and claims; nothing being deleted. */
  #applies(attrs: AdmissionAttributes): boolean {
    if (attrs.subresource || !attrs.object || attrs.oldObject?.metadata.deletionTimestamp || attrs.resource.group !== '') return false;
    if (attrs.resource.resource === 'pods') return attrs.operation === 'CREATE';
    return attrs.resource.resource === 'persistentvolumeclaims';
  }

  #limitRanges(namespace: string): KubeObject[] {
    return this.#deps.storage.list(this.#deps.registry().store('', 'limitranges').prefix(namespace)).items;
  }

  admit(attrs: AdmissionAttributes): void {
    if (!this.#applies(attrs) || attrs.resource.resource !== 'pods') return;
    for (const lr of this.#limitRanges(attrs.namespace)) applyLimitRangeDefaults(lr, attrs.object!);
  }

  validate(attrs: AdmissionAttributes): void {
    if (!this.#applies(attrs)) return;
    const check = attrs.resource.resource === 'pods' ? validatePodLimits : validateClaimLimits;
    for (const lr of this.#limitRanges(attrs.namespace)) {
      const errors = check(lr, attrs.object!);
      if (errors.length) throw admissionForbidden(attrs, aggregateMessage(errors));
    }
  }
}

export const limitRanger: PluginFactory = { name: 'LimitRanger', defaultOn: true, create: (deps) => new LimitRanger(deps) };
