// The order kube-apiserver lists API groups in /apis and aggregated discovery: the aggregator's
// own group first, then by APIService groupPriorityMinimum, highest first (K8S_REFERENCE.md §1.1).

const GROUP_PRIORITY: Record<string, number> = {
  'apiregistration.k8s.io': 1_000_000,
  apps: 17800,
  'events.k8s.io': 17750,
  'authentication.k8s.io': 17700,
  'authorization.k8s.io': 17600,
  autoscaling: 17500,
  batch: 17400,
  'certificates.k8s.io': 17300,
  'networking.k8s.io': 17200,
  policy: 17100,
  'rbac.authorization.k8s.io': 17000,
  'storage.k8s.io': 16800,
  'admissionregistration.k8s.io': 16700,
  'apiextensions.k8s.io': 16700,
  'scheduling.k8s.io': 16600,
  'coordination.k8s.io': 16500,
  'node.k8s.io': 16300,
  'discovery.k8s.io': 16200,
  'flowcontrol.apiserver.k8s.io': 16100,
};

/** Groups of custom resources come after the built-in ones (their APIServices get 1000). */
const CUSTOM_GROUP_PRIORITY = 1000;

export function compareGroups(a: string, b: string): number {
  const pa = GROUP_PRIORITY[a] ?? CUSTOM_GROUP_PRIORITY;
  const pb = GROUP_PRIORITY[b] ?? CUSTOM_GROUP_PRIORITY;
  return pb - pa || (a < b ? -1 : a > b ? 1 : 0);
}

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;
const STABILITY: Record<string, number> = { '': 2, beta: 1, alpha: 0 };

/**
 * version.CompareKubeAwareVersionStrings, as versions inside a group are ordered: GA before beta
 * before alpha, higher numbers first; versions not shaped like Kubernetes ones last, by name.
 */
export function compareVersions(a: string, b: string): number {
  const ma = KUBE_VERSION.exec(a);
  const mb = KUBE_VERSION.exec(b);
  if (!ma || !mb) return ma ? -1 : mb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  const stability = STABILITY[mb[2] ?? ''] - STABILITY[ma[2] ?? ''];
  if (stability) return stability;
  return Number(mb[1]) - Number(ma[1]) || Number(mb[3] ?? 0) - Number(ma[3] ?? 0);
}
