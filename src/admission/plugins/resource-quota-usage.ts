// What the objects of a namespace use of a quota (quota.CalculateUsage): each evaluator that
// measures some of its hard resources sums the usage of the objects its scopes select; every
// measured resource has a value, zero when nothing uses it.
import type { KubeObject } from '../../api/types.js';
import { quantityOf } from './quantity.js';
import { addLists, mask, readResourceList, type ResourceList } from './resource-list.js';
import { evaluatorsForHard, type QuotaEvaluator } from './resource-quota-evaluators.js';
import { quotaSelectors } from './resource-quota-scopes.js';

/** The objects of one resource in the quota's namespace; undefined when no such resource is served. */
export type ListObjects = (group: string, resource: string) => KubeObject[] | undefined;

export function quotaHard(quota: KubeObject, from: 'spec' | 'status'): ResourceList {
  return readResourceList((quota[from] as { hard?: unknown } | undefined)?.hard);
}

/** Whether every scope of the quota selects the object (only pods have scopes). */
export function quotaCovers(quota: KubeObject, evaluator: QuotaEvaluator, obj: KubeObject): boolean {
  return quotaSelectors(quota).every((s) => evaluator.matchesScope(s, obj));
}

export function calculateUsage(quota: KubeObject, list: ListObjects, now: Date): ResourceList {
  const hardNames = [...quotaHard(quota, 'spec').keys()];
  let used: ResourceList = new Map();
  for (const evaluator of evaluatorsForHard(hardNames)) {
    const objects = list(evaluator.group, evaluator.resource);
    if (!objects) continue;
    let total: ResourceList = new Map(evaluator.matchingResources(hardNames).map((n) => [n, quantityOf(0n)]));
    for (const obj of objects) if (quotaCovers(quota, evaluator, obj)) total = addLists(total, evaluator.usage(obj, now));
    used = addLists(used, mask(total, evaluator.matchingResources(hardNames)));
  }
  return used;
}
