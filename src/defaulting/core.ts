// The other core/v1 kinds' SetDefaults_* (pkg/apis/core/v1/defaults.go and the `+default`
// markers of k8s.io/api/core/v1): Secret, Namespace, ReplicationController, PodTemplate,
// PersistentVolume(Claim), Endpoints, Node and LimitRange.
import type { KubeObject } from '../api/types.js';
import { child, ensureChild, fill, items, type Fields } from './fields.js';
import { defaultPodTemplate } from './pod-spec.js';

export function defaultSecret(secret: KubeObject): void {
  fill(secret, { type: 'Opaque' });
}

/** Every named namespace carries its name as a label (kept in step with the strategy's Canonicalize). */
export function defaultNamespace(ns: KubeObject): void {
  const name = ns.metadata.name;
  if (name) ns.metadata.labels = { ...ns.metadata.labels, 'kubernetes.io/metadata.name': name };
  const status = child(ns, 'status');
  if (status) fill(status, { phase: 'Active' });
}

/** The selector and the labels come from the template's labels when unset; replicas default to 1. */
export function defaultReplicationController(rc: KubeObject): void {
  const spec = ensureChild(rc, 'spec');
  const template = child(spec, 'template');
  const labels = child(child(template, 'metadata'), 'labels') as Record<string, string> | undefined;
  if (labels) {
    if (!Object.keys(child(spec, 'selector') ?? {}).length) spec.selector = { ...labels };
    if (!Object.keys(rc.metadata.labels ?? {}).length) rc.metadata.labels = { ...labels };
  }
  fill(spec, { replicas: 1 });
  defaultPodTemplate(template);
}

export function defaultPodTemplateKind(podTemplate: KubeObject): void {
  defaultPodTemplate(ensureChild(podTemplate, 'template'));
}

export function defaultPersistentVolumeClaimSpec(spec: Fields): void {
  fill(spec, { volumeMode: 'Filesystem' });
}

export function defaultPersistentVolumeClaim(claim: Fields): void {
  defaultPersistentVolumeClaimSpec(ensureChild(claim, 'spec'));
  fill(ensureChild(claim, 'status'), { phase: 'Pending' });
}

export function defaultPersistentVolume(volume: KubeObject): void {
  fill(ensureChild(volume, 'spec'), { persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
  fill(ensureChild(volume, 'status'), { phase: 'Pending' });
}

export function defaultEndpoints(endpoints: KubeObject): void {
  for (const subset of items(endpoints, 'subsets')) for (const port of items(subset, 'ports')) fill(port, { protocol: 'TCP' });
}

/** A node that reports capacity but no allocatable can allocate all of it. */
export function defaultNode(node: KubeObject): void {
  const status = child(node, 'status');
  const capacity = child(status, 'capacity');
  if (status && capacity && status.allocatable === undefined) status.allocatable = { ...capacity };
}

/** Container limit ranges: default limit from max, default request from the limit, else from min. */
export function defaultLimitRange(limitRange: KubeObject): void {
  for (const item of items(child(limitRange, 'spec'), 'limits')) {
    if (item.type !== 'Container') continue;
    const defaults = ensureChild(item, 'default');
    const defaultRequest = ensureChild(item, 'defaultRequest');
    fill(defaults, child(item, 'max') ?? {});
    fill(defaultRequest, defaults);
    fill(defaultRequest, child(item, 'min') ?? {});
  }
}
