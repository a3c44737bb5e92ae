// apps/v1 SetDefaults_* (pkg/apis/apps/v1/defaults.go): Deployment, ReplicaSet, StatefulSet and
// DaemonSet, their pod templates, and a StatefulSet's claim templates.
import type { KubeObject } from '../api/types.js';
import { child, ensureChild, fill, items } from './fields.js';
import { defaultPodTemplate } from './pod-spec.js';
import { defaultPersistentVolumeClaim } from './core.js';

export function defaultDeployment(deployment: KubeObject): void {
  const spec = ensureChild(deployment, 'spec');
  fill(spec, { replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
  const strategy = ensureChild(spec, 'strategy');
  fill(strategy, { type: 'RollingUpdate' });
  if (strategy.type === 'RollingUpdate') fill(ensureChild(strategy, 'rollingUpdate'), { maxUnavailable: '25%', maxSurge: '25%' });
  defaultPodTemplate(child(spec, 'template'));
}

export function defaultReplicaSet(replicaSet: KubeObject): void {
  const spec = ensureChild(replicaSet, 'spec');
  fill(spec, { replicas: 1 });
  defaultPodTemplate(child(spec, 'template'));
}

/** maxUnavailable stays unset: it needs the MaxUnavailableStatefulSet gate, off in 1.32. */
export function defaultStatefulSet(statefulSet: KubeObject): void {
  const spec = ensureChild(statefulSet, 'spec');
  fill(spec, { replicas: 1, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10 });
  const strategy = ensureChild(spec, 'updateStrategy');
  fill(strategy, { type: 'RollingUpdate' });
  if (strategy.type === 'RollingUpdate') fill(ensureChild(strategy, 'rollingUpdate'), { partition: 0 });
  fill(ensureChild(spec, 'persistentVolumeClaimRetentionPolicy'), { whenDeleted: 'Retain', whenScaled: 'Retain' });
  defaultPodTemplate(child(spec, 'template'));
  for (const claim of items(spec, 'volumeClaimTemplates')) {
    fill(ensureChild(claim, 'metadata'), { creationTimestamp: null });
    defaultPersistentVolumeClaim(claim);
  }
}

export function defaultDaemonSet(daemonSet: KubeObject): void {
  const spec = ensureChild(daemonSet, 'spec');
  fill(spec, { revisionHistoryLimit: 10 });
  const strategy = ensureChild(spec, 'updateStrategy');
  fill(strategy, { type: 'RollingUpdate' });
  if (strategy.type === 'RollingUpdate') fill(ensureChild(strategy, 'rollingUpdate'), { maxUnavailable: 1, maxSurge: 0 });
  defaultPodTemplate(child(spec, 'template'));
}
