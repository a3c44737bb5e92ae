// Whether a request falls under a policy's matchConstraints or a binding's matchResources
// (admission/plugin/policy/matching): namespace and object selectors, excluded rules, then
// resource rules as they are or, with matchPolicy Equivalent, in another served version.
import { newInternalError } from '../../api/errors.js';
import type { NamedRuleWithOperations } from '../../registry/admissionregistration/types.js';
import type { Registry } from '../../registry/registry.js';
import type { ObjectStorage } from '../../storage/interfaces.js';
import type { AdmissionAttributes } from '../interfaces.js';
import { equivalentsOf } from '../webhooks/equivalents.js';
import { namespaceMatches, objectMatches, ruleMatches } from '../webhooks/predicates.js';
import type { PreparedMatch } from './compiled-policy.js';

export interface MatchDeps {
  storage: ObjectStorage;
  registry(): Registry;
}

function rulesMatch(rules: readonly NamedRuleWithOperations[], match: PreparedMatch, attrs: AdmissionAttributes, deps: MatchDeps): boolean {
  if (rules.some((r) => ruleMatches(r, attrs))) return true;
  if ((match.spec.matchPolicy ?? 'Equivalent') !== 'Equivalent') return false;
  const equivalents = equivalentsOf(attrs, deps.registry());
  return rules.some((r) => equivalents.some((e) => ruleMatches(r, attrs, e.resource)));
}

/** True when the request matches; throws an InternalError when a selector cannot be evaluated. */
export function matches(match: PreparedMatch | undefined, attrs: AdmissionAttributes, deps: MatchDeps): boolean {
  if (!match) return true;
  const ns = match.namespaceSelector instanceof Error ? match.namespaceSelector : namespaceMatches(match.namespaceSelector, attrs, deps.storage);
  if (ns === false) return false;
  const obj = match.objectSelector instanceof Error ? match.objectSelector : objectMatches(match.objectSelector, attrs);
  if (obj === false) return false;
  if (rulesMatch(match.spec.excludeResourceRules ?? [], match, attrs, deps)) return false;
  const rules = match.spec.resourceRules ?? [];
  if (rules.length && !rulesMatch(rules, match, attrs, deps)) return false;
  if (ns instanceof Error) throw newInternalError(ns);
  if (obj instanceof Error) throw newInternalError(obj);
  return true;
}
