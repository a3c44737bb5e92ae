// SelfSubjectRulesReview (`kubectl auth can-i --list`): every rule the requester holds in the
// spec's namespace, split into resource and non-resource rules; incomplete when a role could not
// be read.
import { isPlainObject } from '../../api/types.js';
import { aggregateErrors } from '../../auth/rbac/rbac-authorizer.js';
import { reviewResponse, type ReviewHandler } from '../authentication/review-context.js';

export const selfSubjectRulesReview: ReviewHandler = (body, ctx) => {
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const namespace = typeof spec.namespace === 'string' ? spec.namespace : '';
  const { rules, errors } = ctx.auth.rulesFor(ctx.user, namespace);
  const resourceRules: Record<string, unknown>[] = [];
  const nonResourceRules: Record<string, unknown>[] = [];
  for (const r of rules) {
    if (r.resources?.length) {
      const rr: Record<string, unknown> = { verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources };
      if (r.resourceNames?.length) rr.resourceNames = r.resourceNames;
      resourceRules.push(rr);
    }
    if (r.nonResourceURLs?.length) nonResourceRules.push({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs });
  }
  const status: Record<string, unknown> = { resourceRules, nonResourceRules, incomplete: errors.length > 0 };
  if (errors.length) status.evaluationError = aggregateErrors(errors);
  return reviewResponse(body, { status });
};
