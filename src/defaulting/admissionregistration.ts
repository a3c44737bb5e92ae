// SetDefaults_* of admissionregistration/v1 (pkg/apis/admissionregistration/v1/defaults.go):
// webhooks fail closed, match equivalent versions, select everything, wait 10 s and are never
// reinvoked; rules cover every scope; a Service reference speaks to port 443.
import type { KubeObject } from '../api/types.js';
import type { MatchResources, RuleWithOperations, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding, WebhookConfiguration } from '../registry/admissionregistration/types.js';

function defaultRules(rules: RuleWithOperations[] | undefined): void {
  for (const rule of rules ?? []) rule.scope ??= '*';
}

function defaultMatchResources(match: MatchResources | undefined): void {
  if (!match) return;
  match.namespaceSelector ??= {};
  match.objectSelector ??= {};
  match.matchPolicy ??= 'Equivalent';
  defaultRules(match.resourceRules);
  defaultRules(match.excludeResourceRules);
}

/** Mutating and validating webhook configurations; `mutating` adds reinvocationPolicy. */
export function defaultWebhookConfiguration(obj: KubeObject, mutating: boolean): void {
  for (const hook of (obj as WebhookConfiguration).webhooks ?? []) {
    hook.failurePolicy ??= 'Fail';
    hook.matchPolicy ??= 'Equivalent';
    hook.namespaceSelector ??= {};
    hook.objectSelector ??= {};
    hook.timeoutSeconds ??= 10;
    if (mutating) hook.reinvocationPolicy ??= 'Never';
    if (hook.clientConfig?.service) hook.clientConfig.service.port ??= 443;
    defaultRules(hook.rules);
  }
}

export function defaultValidatingAdmissionPolicy(obj: KubeObject): void {
  const spec = (obj as ValidatingAdmissionPolicy).spec;
  if (!spec) return;
  spec.failurePolicy ??= 'Fail';
  defaultMatchResources(spec.matchConstraints);
}

export function defaultValidatingAdmissionPolicyBinding(obj: KubeObject): void {
  defaultMatchResources((obj as ValidatingAdmissionPolicyBinding).spec?.matchResources);
}
