// How quota measures an object (k8s.io/apiserver quota/v1 and pkg/quota/v1/evaluator/core): what
// it uses of which quota resources, which of a quota's resources concern it, and on which
// operations its usage can change. Pods, services and claims have their own evaluators; every
// other kind is an object count (`count/<resource>.<group>`, and the legacy names).
import type { KubeObject } from '../../api/types.js';
import type { Operation } from '../interfaces.js';
import { podLimits, podRequests } from './pod-resources.js';
import { quantityOf } from './quantity.js';
import { readResourceList, type ResourceList } from './resource-list.js';
import { podMatchesScope, type ScopeSelector } from './resource-quota-scopes.js';
import { isExtended, podComputeUsage, podConstraints } from './resource-quota-pod-usage.js';

export interface QuotaEvaluator {
  group: string;
  resource: string;
  /** Whether this operation can change the object's usage. */
  handles(operation: Operation): boolean;
  /** The names, among a quota's hard resources, this evaluator measures. */
  matchingResources(names: readonly string[]): string[];
  usage(obj: KubeObject, now: Date): ResourceList;
  matchesScope(selector: ScopeSelector, obj: KubeObject): boolean;
  /** Requirements a quota puts on the object itself (pods must state cpu and memory). */
  constraints?(required: readonly string[], obj: KubeObject): string | undefined;
}

const ONE = quantityOf(1_000_000_000n);
const count = (n: number) => quantityOf(BigInt(n) * 1_000_000_000n);

/** `count/pods`, `count/deployments.apps`. */
export function objectCountName(group: string, resource: string): string {
  return group ? `count/${resource}.${group}` : `count/${resource}`;
}

/** The object counts quota knew before `count/*` (core only). */
const LEGACY_COUNTS = new Set(['configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas']);

function objectCountEvaluator(group: string, resource: string): QuotaEvaluator {
  const names = [objectCountName(group, resource), ...(group === '' && LEGACY_COUNTS.has(resource) ? [resource] : [])];
  return {
    group,
    resource,
    handles: (op) => op === 'CREATE',
    matchingResources: (hard) => hard.filter((n) => names.includes(n)),
    usage: () => new Map(names.map((n) => [n, ONE])),
    matchesScope: () => false,
  };
}

const POD_RESOURCES = new Set(['count/pods', 'pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage']);

/** QuotaV1Pod: a pod stops using compute once terminal, or past its deletion grace period. */
function podCountsCompute(pod: KubeObject, now: Date): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  if (deletionTimestamp && deletionGracePeriodSeconds !== undefined) return now.getTime() <= Date.parse(deletionTimestamp) + deletionGracePeriodSeconds * 1000;
  return true;
}

const podEvaluator: QuotaEvaluator = {
  group: '',
  resource: 'pods',
  // In-place resize (the only pod update that changes usage) is off by default in 1.32.
  handles: (op) => op === 'CREATE',
  matchingResources: (hard) =>
    hard.filter((n) => POD_RESOURCES.has(n) || n.startsWith('hugepages-') || n.startsWith('requests.hugepages-') || (n.startsWith('requests.') && isExtended(n.slice(9)))),
  usage: (pod, now) => {
    const usage: ResourceList = new Map([['count/pods', ONE]]);
    if (!podCountsCompute(pod, now)) return usage;
    for (const [name, q] of podComputeUsage(podRequests(pod, true), podLimits(pod, true))) usage.set(name, q);
    return usage;
  },
  matchesScope: podMatchesScope,
  constraints: podConstraints,
};

const serviceEvaluator: QuotaEvaluator = {
  group: '',
  resource: 'services',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  matchingResources: (hard) => hard.filter((n) => ['services', 'count/services', 'services.loadbalancers', 'services.nodeports'].includes(n)),
  usage: (svc) => {
    const spec = (svc.spec ?? {}) as { type?: string; ports?: unknown[]; allocateLoadBalancerNodePorts?: boolean };
    const usage: ResourceList = new Map([['services', ONE], ['count/services', ONE], ['services.loadbalancers', count(0)], ['services.nodeports', count(0)]]);
    const ports = spec.ports?.length ?? 0;
    if (spec.type === 'NodePort') usage.set('services.nodeports', count(ports));
    if (spec.type === 'LoadBalancer') {
      usage.set('services.loadbalancers', ONE);
      if (spec.allocateLoadBalancerNodePorts !== false) usage.set('services.nodeports', count(ports));
    }
    return usage;
  },
  matchesScope: () => false,
};

const CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

const claimEvaluator: QuotaEvaluator = {
  group: '',
  resource: 'persistentvolumeclaims',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  matchingResources: (hard) =>
    hard.filter((n) => ['persistentvolumeclaims', 'count/persistentvolumeclaims', 'requests.storage'].includes(n) || (n.includes(CLASS_SUFFIX) && /\/(requests\.storage|persistentvolumeclaims)$/.test(n))),
  usage: (claim) => {
    const spec = (claim.spec ?? {}) as { storageClassName?: string; resources?: { requests?: unknown } };
    const usage: ResourceList = new Map([['persistentvolumeclaims', ONE], ['count/persistentvolumeclaims', ONE]]);
    const requested = readResourceList(spec.resources?.requests).get('storage');
    const allocated = readResourceList((claim.status as { allocatedResources?: unknown } | undefined)?.allocatedResources).get('storage');
    const storage = allocated && (!requested || allocated.nanos > requested.nanos) ? allocated : requested;
    if (storage) usage.set('requests.storage', storage);
    if (spec.storageClassName) {
      usage.set(`${spec.storageClassName}${CLASS_SUFFIX}persistentvolumeclaims`, ONE);
      if (storage) usage.set(`${spec.storageClassName}${CLASS_SUFFIX}requests.storage`, storage);
    }
    return usage;
  },
  matchesScope: () => false,
};

const SPECIFIC = [podEvaluator, serviceEvaluator, claimEvaluator];

export function evaluatorFor(group: string, resource: string): QuotaEvaluator {
  return SPECIFIC.find((e) => e.group === group && e.resource === resource) ?? objectCountEvaluator(group, resource);
}

/** The group and resource a `count/<resource>.<group>` name counts; undefined for other names. */
export function parseObjectCountName(name: string): { group: string; resource: string } | undefined {
  if (!name.startsWith('count/')) return undefined;
  const rest = name.slice(6);
  const dot = rest.indexOf('.');
  return dot < 0 ? { group: '', resource: rest } : { group: rest.slice(dot + 1), resource: rest.slice(0, dot) };
}

/** The evaluators that measure some of a quota's hard resources (the resource quota controller's view). */
export function evaluatorsForHard(names: readonly string[]): QuotaEvaluator[] {
  const evaluators = SPECIFIC.filter((e) => e.matchingResources(names).length);
  const counted = new Set<string>();
  for (const name of names) {
    const gr = parseObjectCountName(name) ?? (LEGACY_COUNTS.has(name) ? { group: '', resource: name } : undefined);
    if (!gr || SPECIFIC.some((e) => e.group === gr.group && e.resource === gr.resource) || counted.has(`${gr.group}/${gr.resource}`)) continue;
    counted.add(`${gr.group}/${gr.resource}`);
    evaluators.push(objectCountEvaluator(gr.group, gr.resource));
  }
  return evaluators;
}
