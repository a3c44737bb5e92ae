// The LimitRanger's checks of one resource against one LimitRange item (minConstraint,
// maxConstraint, maxRequestConstraint, limitRequestRatioConstraint), with kube's messages.
import { formatQuantity, ratioText, type Quantity } from './quantity.js';
import type { ResourceList } from './resource-list.js';

export interface Constraint {
  limitType: string;
  resource: string;
  enforced: Quantity;
}

export function minConstraint(c: Constraint, requests: ResourceList, limits: ResourceList): string | undefined {
  const { limitType, resource, enforced } = c;
  const req = requests.get(resource);
  const lim = limits.get(resource);
  const bound = formatQuantity(enforced);
  if (!req) return `minimum ${resource} usage per ${limitType} is ${bound}.  No request is specified`;
  if (req.nanos < enforced.nanos) return `minimum ${resource} usage per ${limitType} is ${bound}, but request is ${formatQuantity(req)}`;
  if (lim && lim.nanos < enforced.nanos) return `minimum ${resource} usage per ${limitType} is ${bound}, but limit is ${formatQuantity(lim)}`;
  return undefined;
}

export function maxConstraint(c: Constraint, requests: ResourceList, limits: ResourceList): string | undefined {
  const { limitType, resource, enforced } = c;
  const req = requests.get(resource);
  const lim = limits.get(resource);
  const bound = formatQuantity(enforced);
  if (!lim) return `maximum ${resource} usage per ${limitType} is ${bound}.  No limit is specified`;
  if (lim.nanos > enforced.nanos) return `maximum ${resource} usage per ${limitType} is ${bound}, but limit is ${formatQuantity(lim)}`;
  if (req && req.nanos > enforced.nanos) return `maximum ${resource} usage per ${limitType} is ${bound}, but request is ${formatQuantity(req)}`;
  return undefined;
}

/** For claims the maximum applies to what is requested. */
export function maxRequestConstraint(c: Constraint, requests: ResourceList): string | undefined {
  const { limitType, resource, enforced } = c;
  const req = requests.get(resource);
  const bound = formatQuantity(enforced);
  if (!req) return `maximum ${resource} usage per ${limitType} is ${bound}.  No request is specified`;
  if (req.nanos > enforced.nanos) return `maximum ${resource} usage per ${limitType} is ${bound}, but request is ${formatQuantity(req)}`;
  return undefined;
}

export function limitRequestRatioConstraint(c: Constraint, requests: ResourceList, limits: ResourceList): string | undefined {
  const { limitType, resource, enforced } = c;
  const req = requests.get(resource);
  const lim = limits.get(resource);
  const bound = formatQuantity(enforced);
  if (!req || req.nanos === 0n) return `${resource} max limit to request ratio per ${limitType} is ${bound}, but no request is specified or request is 0`;
  if (!lim || lim.nanos === 0n) return `${resource} max limit to request ratio per ${limitType} is ${bound}, but no limit is specified or limit is 0`;
  // lim/req > enforced, compared exactly: lim * 1e9 > enforcedNanos * req.
  if (lim.nanos * 1_000_000_000n > enforced.nanos * req.nanos) {
    return `${resource} max limit to request ratio per ${limitType} is ${bound}, but provided ratio is ${ratioText(lim.nanos, req.nanos)}`;
  }
  return undefined;
}
