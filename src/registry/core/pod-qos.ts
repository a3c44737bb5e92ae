// The QoS class of a pod (pkg/apis/core/helper/qos): Guaranteed when every container sets equal
// cpu and memory requests and limits, BestEffort when none sets any, Burstable otherwise.
import { parseQuantity } from './quantity.js';
import type { Container, Pod, ResourceList } from './types.js';

const QOS_RESOURCES = ['cpu', 'memory'];

/** Adds each positive cpu/memory quantity of `list` into `sums`; returns the names it saw. */
function addPositive(sums: Map<string, bigint>, list: ResourceList): Set<string> {
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(list)) {
    if (!QOS_RESOURCES.includes(name)) continue;
    const q = parseQuantity(value) ?? 0n;
    if (q <= 0n) continue;
    sums.set(name, (sums.get(name) ?? 0n) + q);
    seen.add(name);
  }
  return seen;
}

export function podQOSClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const c of containers) {
    const limitList = c.resources?.limits ?? {};
    // Defaulting copies a limit into a missing request; reading it that way keeps the class right either way.
    addPositive(requests, { ...limitList, ...(c.resources?.requests ?? {}) });
    const limited = addPositive(limits, limitList);
    if (!QOS_RESOURCES.every((r) => limited.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, value] of requests) if (limits.get(name) !== value) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
