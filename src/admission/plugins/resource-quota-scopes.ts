// Quota scopes (quota/v1/evaluator/core/pods.go podMatchesScopeFunc): which pods a scoped quota
// covers. Only pods have scopes; a scoped quota covers no other kind.
import type { KubeObject } from '../../api/types.js';
import { readResourceList } from './resource-list.js';

export interface ScopeSelector {
  scopeName: string;
  operator: string;
  values?: string[];
}

interface QuotaSpec {
  scopes?: string[];
  scopeSelector?: { matchExpressions?: ScopeSelector[] };
}

/** spec.scopes as Exists selectors, then spec.scopeSelector's expressions. */
export function quotaSelectors(quota: KubeObject): ScopeSelector[] {
  const spec = (quota.spec ?? {}) as QuotaSpec;
  return [...(spec.scopes ?? []).map((scopeName) => ({ scopeName, operator: 'Exists' })), ...(spec.scopeSelector?.matchExpressions ?? [])];
}

interface PodSpec {
  activeDeadlineSeconds?: number;
  priorityClassName?: string;
  containers?: { resources?: { requests?: unknown; limits?: unknown } }[];
  initContainers?: { resources?: { requests?: unknown; limits?: unknown } }[];
  affinity?: Record<string, { requiredDuringSchedulingIgnoredDuringExecution?: AffinityTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: { podAffinityTerm?: AffinityTerm }[] }>;
}

interface AffinityTerm {
  namespaces?: string[];
  namespaceSelector?: unknown;
}

/** QoS BestEffort: no container requests or limits cpu or memory. */
function isBestEffort(spec: PodSpec): boolean {
  return [...(spec.containers ?? []), ...(spec.initContainers ?? [])].every((c) => {
    const names = [...readResourceList(c.resources?.requests).keys(), ...readResourceList(c.resources?.limits).keys()];
    return !names.some((n) => n === 'cpu' || n === 'memory');
  });
}

function usesCrossNamespaceAffinity(spec: PodSpec): boolean {
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const affinity = spec.affinity?.[kind];
    const terms = [...(affinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []), ...(affinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => w.podAffinityTerm ?? {})];
    if (terms.some((t) => t.namespaces?.length || t.namespaceSelector !== undefined)) return true;
  }
  return false;
}

function priorityClassMatches(selector: ScopeSelector, className: string): boolean {
  switch (selector.operator) {
    case 'Exists':
      return true;
    case 'DoesNotExist':
      return false;
    case 'In':
      return (selector.values ?? []).includes(className);
    case 'NotIn':
      return !(selector.values ?? []).includes(className);
    default:
      return false;
  }
}

export function podMatchesScope(selector: ScopeSelector, pod: KubeObject): boolean {
  const spec = (pod.spec ?? {}) as PodSpec;
  const terminating = spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds >= 0;
  switch (selector.scopeName) {
    case 'Terminating':
      return terminating;
    case 'NotTerminating':
      return !terminating;
    case 'BestEffort':
      return isBestEffort(spec);
    case 'NotBestEffort':
      return !isBestEffort(spec);
    case 'PriorityClass':
      return priorityClassMatches(selector, spec.priorityClassName ?? '');
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespaceAffinity(spec);
    default:
      return false;
  }
}
