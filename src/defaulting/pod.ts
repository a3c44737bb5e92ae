// SetDefaults_Pod: what only a Pod gets, not its templates (pkg/apis/core/v1/defaults.go).
// priority and preemptionPolicy come from the Priority admission plugin, the not-ready and
// unreachable tolerations from DefaultTolerationSeconds, serviceAccountName and the token volume
// from ServiceAccount: admission, not defaulting.
import type { KubeObject } from '../api/types.js';
import { child, ensureChild, fill, items, type Fields } from './fields.js';
import { defaultPodSpec } from './pod-spec.js';

/** A container with limits but no request for a resource requests its limit. */
function requestsFromLimits(container: Fields): void {
  const resources = child(container, 'resources');
  const limits = child(resources, 'limits');
  if (!resources || !limits) return;
  const requests = ensureChild(resources, 'requests');
  for (const [name, limit] of Object.entries(limits)) if (!(name in requests)) requests[name] = limit;
}

/** With host networking every container port is also a host port. */
function hostNetworkPorts(container: Fields): void {
  for (const port of items(container, 'ports')) if (!port.hostPort) port.hostPort = port.containerPort;
}

export function defaultPod(pod: KubeObject): void {
  const spec = ensureChild(pod, 'spec');
  const containers = [...items(spec, 'containers'), ...items(spec, 'initContainers')];
  for (const container of containers) requestsFromLimits(container);
  fill(spec, { enableServiceLinks: true });
  if (spec.hostNetwork === true) for (const container of containers) hostNetworkPorts(container);
  defaultPodSpec(spec);
}
