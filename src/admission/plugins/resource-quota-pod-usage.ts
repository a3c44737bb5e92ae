// What a pod's requests and limits use of quota (podComputeUsageHelper), and the requirement a
// quota on cpu or memory puts on every container (podEvaluator.Constraints, kept for backward
// compatibility): `must specify limits.cpu for: app; requests.memory for: app,side`.
import type { KubeObject } from '../../api/types.js';
import { quantityOf } from './quantity.js';
import { readResourceList, type ResourceList } from './resource-list.js';

const ONE = quantityOf(1_000_000_000n);

/** Extended resources (`example.com/gpu`) are quota'd as `requests.<name>` only. */
export function isExtended(name: string): boolean {
  return name.includes('/') && !name.startsWith('kubernetes.io/') && !name.startsWith('requests.') && !name.startsWith('limits.');
}

/** podComputeUsageHelper. */
export function podComputeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const usage: ResourceList = new Map([['pods', ONE]]);
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests.get(name);
    if (request) usage.set(name, request).set(`requests.${name}`, request);
    const limit = limits.get(name);
    if (limit) usage.set(`limits.${name}`, limit);
  }
  for (const [name, request] of requests) {
    if (name.startsWith('hugepages-')) usage.set(name, request).set(`requests.${name}`, request);
    else if (isExtended(name)) usage.set(`requests.${name}`, request);
  }
  return usage;
}

const VALIDATED = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

interface Container {
  name?: string;
  resources?: { requests?: unknown; limits?: unknown };
}

export function podConstraints(required: readonly string[], pod: KubeObject): string | undefined {
  const needed = required.filter((n) => VALIDATED.has(n));
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  const missing = new Map<string, Set<string>>();
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const has = podComputeUsage(readResourceList(c.resources?.requests), readResourceList(c.resources?.limits));
    for (const name of needed) if (!has.has(name)) missing.set(name, (missing.get(name) ?? new Set()).add(c.name ?? ''));
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((name) => `${name} for: ${[...missing.get(name)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}
