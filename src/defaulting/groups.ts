// SetDefaults_* of the smaller API groups: networking.k8s.io/v1 (NetworkPolicy), scheduling.k8s.io
// (PriorityClass), storage.k8s.io (StorageClass, CSIDriver), discovery.k8s.io (EndpointSlice)
// and autoscaling/v2 (HorizontalPodAutoscaler).
import { deepCopy, type KubeObject } from '../api/types.js';
import { child, ensureChild, fill, items, type Fields } from './fields.js';

/** Ingress always; Egress too when egress rules are given. Ports default to TCP. */
export function defaultNetworkPolicy(policy: KubeObject): void {
  const spec = ensureChild(policy, 'spec');
  for (const rule of [...items(spec, 'ingress'), ...items(spec, 'egress')]) for (const port of items(rule, 'ports')) fill(port, { protocol: 'TCP' });
  const types = spec.policyTypes;
  if (Array.isArray(types) && types.length) return;
  spec.policyTypes = items(spec, 'egress').length ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function defaultPriorityClass(priorityClass: KubeObject): void {
  fill(priorityClass, { preemptionPolicy: 'PreemptLowerPriority' });
}

export function defaultStorageClass(storageClass: KubeObject): void {
  fill(storageClass, { reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
}

export function defaultCSIDriver(driver: KubeObject): void {
  fill(ensureChild(driver, 'spec'), {
    attachRequired: true,
    podInfoOnMount: false,
    storageCapacity: false,
    fsGroupPolicy: 'ReadWriteOnceWithFSType',
    requiresRepublish: false,
    volumeLifecycleModes: ['Persistent'],
    seLinuxMount: false,
  });
}

export function defaultEndpointSlice(slice: KubeObject): void {
  for (const port of items(slice, 'ports')) {
    if (port.name === undefined) port.name = '';
    fill(port, { protocol: 'TCP' });
  }
}

function scalingRules(rules: Fields | undefined, defaults: Fields): Fields {
  const out = { ...rules };
  for (const [key, value] of Object.entries(defaults)) if (out[key] === undefined) out[key] = deepCopy(value);
  return out;
}

const SCALE_UP: Fields = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
const SCALE_DOWN: Fields = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

/** minReplicas 1, 80% CPU when no metric is given, and the missing scaling rules of a behavior. */
export function defaultHorizontalPodAutoscaler(hpa: KubeObject): void {
  const spec = ensureChild(hpa, 'spec');
  fill(spec, { minReplicas: 1 });
  if (!items(spec, 'metrics').length) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  const behavior = child(spec, 'behavior');
  if (behavior) {
    behavior.scaleUp = scalingRules(child(behavior, 'scaleUp'), SCALE_UP);
    behavior.scaleDown = scalingRules(child(behavior, 'scaleDown'), SCALE_DOWN);
  }
}
