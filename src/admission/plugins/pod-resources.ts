// What a pod asks for as a whole (resourcehelper.PodRequests / PodLimits): its containers and
// sidecars (restartable init containers) together, or the largest init container step if that is
// more, plus the pod overhead.
import type { KubeObject } from '../../api/types.js';
import { addLists, maxInto, readResourceList, type ResourceList } from './resource-list.js';

interface Container {
  restartPolicy?: string;
  resources?: { requests?: unknown; limits?: unknown };
}

interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  overhead?: unknown;
}

type Pick = (c: Container) => unknown;

function podTotal(pod: KubeObject, pick: Pick): ResourceList {
  const spec = (pod.spec ?? {}) as PodSpec;
  let total: ResourceList = new Map();
  for (const c of spec.containers ?? []) total = addLists(total, readResourceList(pick(c)));
  let sidecars: ResourceList = new Map();
  const initPeak: ResourceList = new Map();
  for (const c of spec.initContainers ?? []) {
    const own = readResourceList(pick(c));
    if (c.restartPolicy === 'Always') {
      total = addLists(total, own);
      sidecars = addLists(sidecars, own);
      maxInto(initPeak, sidecars);
    } else {
      maxInto(initPeak, addLists(own, sidecars));
    }
  }
  maxInto(total, initPeak);
  return total;
}

export function podRequests(pod: KubeObject, withOverhead = false): ResourceList {
  const requests = podTotal(pod, (c) => c.resources?.requests);
  return withOverhead ? addLists(requests, readResourceList((pod.spec as PodSpec | undefined)?.overhead)) : requests;
}

/** Overhead is added only to the limits the pod sets. */
export function podLimits(pod: KubeObject, withOverhead = false): ResourceList {
  const limits = podTotal(pod, (c) => c.resources?.limits);
  if (!withOverhead) return limits;
  const overhead = readResourceList((pod.spec as PodSpec | undefined)?.overhead);
  return addLists(limits, new Map([...overhead].filter(([name]) => limits.has(name))));
}
