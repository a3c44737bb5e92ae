// One request against a namespace's quotas (resourcequota/controller.go CheckRequest): the quotas
// that cover the object must have usage stats, the object must meet their constraints, and what
// it adds must fit under every hard limit. Returns the quotas' new usage, to be written before the
// object is (so concurrent requests see it), or throws Forbidden.
import type { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes } from '../interfaces.js';
import { admissionForbidden } from './attributes.js';
import { quantityOf } from './quantity.js';
import { addLists, mask, prettyPrint, readResourceList, type ResourceList } from './resource-list.js';
import type { QuotaEvaluator } from './resource-quota-evaluators.js';
import { quotaCovers, quotaHard } from './resource-quota-usage.js';

export interface QuotaCharge {
  quota: KubeObject;
  used: ResourceList;
}

const usedOf = (quota: KubeObject): ResourceList => readResourceList((quota.status as { used?: unknown } | undefined)?.used);

/** The quotas that apply, after their constraints and usage-stats checks. */
function coveringQuotas(quotas: readonly KubeObject[], attrs: AdmissionAttributes, evaluator: QuotaEvaluator): KubeObject[] {
  const obj = attrs.object!;
  const covering: KubeObject[] = [];
  for (const quota of quotas) {
    const restricted = evaluator.matchingResources([...quotaHard(quota, 'status').keys()]);
    if (!restricted.length || !quotaCovers(quota, evaluator, obj)) continue;
    const name = quota.metadata.name ?? '';
    const failed = evaluator.constraints?.(restricted, obj);
    if (failed) throw admissionForbidden(attrs, `failed quota: ${name}: ${failed}`);
    const used = usedOf(quota);
    if (restricted.some((n) => !used.has(n))) throw admissionForbidden(attrs, `status unknown for quota: ${name}, resources: ${[...restricted].sort().join(',')}`);
    covering.push(quota);
  }
  return covering;
}

/** quota.SubtractWithNonNegativeResult, zeros left out. */
function delta(usage: ResourceList, previous: ResourceList | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, q] of usage) {
    const nanos = q.nanos - (previous?.get(name)?.nanos ?? 0n);
    if (nanos > 0n) out.set(name, quantityOf(nanos, q.format));
  }
  return out;
}

function exceededError(attrs: AdmissionAttributes, quota: KubeObject, requested: ResourceList, exceeded: string[]): StatusError {
  const used = usedOf(quota);
  const hard = quotaHard(quota, 'status');
  const show = (list: ResourceList): string => prettyPrint(mask(list, exceeded));
  return admissionForbidden(attrs, `exceeded quota: ${quota.metadata.name ?? ''}, requested: ${show(requested)}, used: ${show(used)}, limited: ${show(hard)}`);
}

export function checkRequest(quotas: readonly KubeObject[], attrs: AdmissionAttributes, evaluator: QuotaEvaluator, now: Date): QuotaCharge[] {
  const covering = coveringQuotas(quotas, attrs, evaluator);
  if (!covering.length) return [];
  const usage = evaluator.usage(attrs.object!, now);
  const negative = [...usage].filter(([, q]) => q.nanos < 0n).map(([n]) => n);
  if (negative.length) throw admissionForbidden(attrs, `quota usage is negative for resource(s): ${negative.sort().join(',')}`);
  const old = attrs.operation === 'UPDATE' && attrs.oldObject?.metadata.resourceVersion ? attrs.oldObject : undefined;
  const previous = old && evaluator.usage(old, now);
  const charges: QuotaCharge[] = [];
  for (const quota of covering) {
    // An update is charged its growth, when the quota also covered the object before.
    const change = delta(usage, old && quotaCovers(quota, evaluator, old) ? previous : undefined);
    const hard = quotaHard(quota, 'status');
    const requested = mask(change, hard.keys());
    if (!requested.size) continue;
    const used = addLists(usedOf(quota), requested);
    if (attrs.subresource !== 'status') {
      const exceeded = [...requested.keys()].filter((n) => used.get(n)!.nanos > hard.get(n)!.nanos).sort();
      if (exceeded.length) throw exceededError(attrs, quota, requested, exceeded);
    }
    charges.push({ quota, used });
  }
  return charges;
}
