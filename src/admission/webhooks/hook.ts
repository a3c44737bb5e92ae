// One webhook of a configuration, prepared once per change of the configuration (selectors
// parsed, match conditions compiled), and the decision whether a request goes to it
// (generic.Webhook.ShouldCallHook): selectors, then rules (exact, then equivalent versions),
// then match conditions.
import { newForbidden, newInternalError, type StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Webhook, WebhookConfiguration } from '../../registry/admissionregistration/types.js';
import type { Registry } from '../../registry/registry.js';
import { labelSelectorFromObject, type LabelSelector } from '../../selectors/label-selector.js';
import type { ObjectStorage } from '../../storage/interfaces.js';
import type { AdmissionAttributes } from '../interfaces.js';
import { MATCH_CONDITION_VARIABLES } from '../policy/cel/environment.js';
import { requestValue } from '../policy/cel/request.js';
import { toCel } from '../policy/cel/values.js';
import { compileConditions, evaluateConditions, type CompiledCondition } from '../policy/match-conditions.js';
import { equivalentsOf, type Equivalent } from './equivalents.js';
import { namespaceMatches, objectMatches, ruleMatches } from './predicates.js';
import type { Invocation } from './review.js';

export interface PreparedWebhook {
  /** Unique in the cluster: configuration name and webhook name. */
  id: string;
  configuration: string;
  spec: Webhook;
  name: string;
  namespaceSelector: LabelSelector | Error;
  objectSelector: LabelSelector | Error;
  conditions: CompiledCondition[];
}

function selector(sel: Webhook['namespaceSelector']): LabelSelector | Error {
  try {
    return labelSelectorFromObject(sel ?? {});
  } catch (err) {
    return err as Error;
  }
}

export function prepareWebhooks(config: KubeObject): PreparedWebhook[] {
  const name = config.metadata.name ?? '';
  return ((config as WebhookConfiguration).webhooks ?? []).map((spec) => ({
    id: `${name}/${spec.name ?? ''}`,
    configuration: name,
    spec,
    name: spec.name ?? '',
    namespaceSelector: selector(spec.namespaceSelector),
    objectSelector: selector(spec.objectSelector),
    conditions: compileConditions(spec.matchConditions, MATCH_CONDITION_VARIABLES),
  }));
}

export interface HookDeps {
  storage: ObjectStorage;
  registry(): Registry;
}

/** An invocation whose object is converted into the matched version, with the way back. */
export interface MatchedInvocation extends Invocation {
  fromInvocation(obj: KubeObject): KubeObject;
}

function matchRules(hook: PreparedWebhook, attrs: AdmissionAttributes, deps: HookDeps): MatchedInvocation | undefined {
  const rules = hook.spec.rules ?? [];
  if (rules.some((r) => ruleMatches(r, attrs))) {
    return { resource: attrs.resource, kind: attrs.kind, object: attrs.object, oldObject: attrs.oldObject, fromInvocation: (o) => o };
  }
  if ((hook.spec.matchPolicy ?? 'Equivalent') !== 'Equivalent') return undefined;
  let equivalent: Equivalent | undefined;
  for (const rule of rules) {
    equivalent = equivalentsOf(attrs, deps.registry()).find((e) => ruleMatches(rule, attrs, e.resource));
    if (equivalent) break;
  }
  if (!equivalent) return undefined;
  const { toEquivalent, fromEquivalent } = equivalent;
  return {
    resource: equivalent.resource,
    kind: equivalent.kind,
    object: attrs.object && toEquivalent(attrs.object),
    oldObject: attrs.oldObject && toEquivalent(attrs.oldObject),
    fromInvocation: fromEquivalent,
  };
}

/** The invocation when the request goes to this webhook; undefined when not; throws a StatusError. */
export function shouldCall(hook: PreparedWebhook, attrs: AdmissionAttributes, deps: HookDeps): MatchedInvocation | undefined {
  const nsMatch = hook.namespaceSelector instanceof Error ? hook.namespaceSelector : namespaceMatches(hook.namespaceSelector, attrs, deps.storage);
  if (nsMatch === false) return undefined;
  const objMatch = hook.objectSelector instanceof Error ? hook.objectSelector : objectMatches(hook.objectSelector, attrs);
  if (objMatch === false) return undefined;
  const invocation = matchRules(hook, attrs, deps);
  if (!invocation) return undefined;
  if (nsMatch instanceof Error) throw newInternalError(nsMatch);
  if (objMatch instanceof Error) throw newInternalError(objMatch);
  if (hook.conditions.length) {
    const activation = { object: toCel(invocation.object ?? null), oldObject: toCel(invocation.oldObject ?? null), request: requestValue(attrs) };
    const outcome = evaluateConditions(hook.conditions, activation, hook.spec.failurePolicy);
    if (!outcome.matches && outcome.error) throw matchConditionError(attrs, outcome.error);
    if (!outcome.matches) return undefined;
  }
  return invocation;
}

function matchConditionError(attrs: AdmissionAttributes, message: string): StatusError {
  return newForbidden({ group: attrs.resource.group, resource: attrs.resource.resource }, attrs.name, message);
}
