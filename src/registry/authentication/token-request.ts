// serviceaccounts/<name>/token (TokenRequest): a bound ServiceAccount token for the API
// audiences or the requested ones, valid for expirationSeconds (default one hour, at least ten
// minutes), optionally bound to a Pod or Secret so it dies with it.
import { newConflict, newInvalid, newNotFound } from '../../api/errors.js';
import { invalid, notSupported } from '../../api/field-errors.js';
import { isPlainObject } from '../../api/types.js';
import { rfc3339 } from '../../api/time.js';
import { reviewResponse, type ReviewContext, type ReviewHandler } from './review-context.js';

const DEFAULT_EXPIRATION_SECONDS = 3600;
const MIN_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 2 ** 32;
const TOKEN_REQUEST = { group: 'authentication.k8s.io', kind: 'TokenRequest' };

interface BoundRef {
  kind: string;
  apiVersion?: string;
  name: string;
  uid?: string;
}

function expirationOf(spec: Record<string, unknown>, name: string): number {
  const requested = spec.expirationSeconds;
  if (requested === undefined || requested === null) return DEFAULT_EXPIRATION_SECONDS;
  const seconds = Number(requested);
  if (seconds < MIN_EXPIRATION_SECONDS) throw newInvalid(TOKEN_REQUEST, name, [invalid('spec.expirationSeconds', seconds, 'may not specify a duration less than 10 minutes')]);
  if (seconds > MAX_EXPIRATION_SECONDS) throw newInvalid(TOKEN_REQUEST, name, [invalid('spec.expirationSeconds', seconds, 'may not specify a duration larger than 2^32 seconds')]);
  return seconds;
}

function boundObject(ref: BoundRef | undefined, ctx: ReviewContext): { kind: 'Pod' | 'Secret'; name: string; uid: string } | undefined {
  if (!ref) return undefined;
  const plural = ref.kind === 'Pod' ? 'pods' : ref.kind === 'Secret' ? 'secrets' : undefined;
  if (!plural) throw newInvalid(TOKEN_REQUEST, ctx.name, [notSupported('spec.boundObjectRef.kind', ref.kind, ['Pod', 'Secret'])]);
  const obj = ctx.lookup(`/registry/${plural}/${ctx.namespace}/${ref.name}`);
  if (!obj) throw newNotFound({ group: '', resource: plural }, ref.name);
  const uid = obj.metadata.uid ?? '';
  if (ref.uid && ref.uid !== uid) {
    throw newConflict({ group: '', resource: plural }, ref.name, `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`);
  }
  return { kind: ref.kind as 'Pod' | 'Secret', name: ref.name, uid };
}

export const tokenRequest: ReviewHandler = async (body, ctx) => {
  const sa = ctx.lookup(`/registry/serviceaccounts/${ctx.namespace}/${ctx.name}`);
  if (!sa) throw newNotFound({ group: '', resource: 'serviceaccounts' }, ctx.name);
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const audiences = Array.isArray(spec.audiences) && spec.audiences.length ? (spec.audiences as string[]) : [...ctx.auth.apiAudiences];
  const expirationSeconds = expirationOf(spec, ctx.name);
  const ref = isPlainObject(spec.boundObjectRef) ? (spec.boundObjectRef as unknown as BoundRef) : undefined;
  const boundTo = boundObject(ref, ctx);
  const issued = await ctx.auth.issueToken({
    namespace: ctx.namespace,
    serviceAccount: { name: ctx.name, uid: sa.metadata.uid ?? '' },
    audiences,
    expirationSeconds,
    boundTo,
    now: ctx.now(),
  });
  const response = reviewResponse(body, {
    spec: { audiences, expirationSeconds, boundObjectRef: ref ? { ...ref, uid: boundTo?.uid } : null },
    status: { token: issued.token, expirationTimestamp: rfc3339(issued.expiration) },
  });
  response.metadata = { name: ctx.name, namespace: ctx.namespace, creationTimestamp: null };
  return response;
};
