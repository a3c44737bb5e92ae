// ValidateValidatingWebhookConfiguration / ValidateMutatingWebhookConfiguration: every webhook
// needs a unique qualified name, a client config, supported side effects and review versions,
// rules, selectors, a timeout of 1-30 s and compilable match conditions.
import { duplicate, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { labelSelector } from '../../validation/kinds/common.js';
import { isDNS1123Subdomain } from '../../validation/names.js';
import { validateWebhookService, validateWebhookURL } from '../../validation/webhook-client.js';
import { validateMatchConditions, validateRule } from './validate-rules.js';
import type { Webhook, WebhookClientConfig, WebhookConfiguration } from './types.js';

const SIDE_EFFECTS = ['None', 'NoneOnDryRun'];
const REVIEW_VERSIONS = ['v1', 'v1beta1'];

function validateName(name: string, path: string): FieldError[] {
  if (!name) return [required(path, '')];
  const errs = isDNS1123Subdomain(name).map((msg) => invalid(path, name, msg));
  if (name.split('.').length < 3) errs.push(invalid(path, name, 'should be a domain with at least three segments separated by dots'));
  return errs;
}

/** The client config as admissionregistration's validation checks it (k8s.io/apiserver pkg/util/webhook). */
function validateClientConfig(cc: WebhookClientConfig | undefined, path: string): FieldError[] {
  if (!cc || (cc.url === undefined) === (cc.service === undefined)) return [required(path, 'exactly one of url or service is required')];
  if (cc.url !== undefined) return validateWebhookURL(`${path}.url`, cc.url);
  const svc = cc.service ?? {};
  return validateWebhookService(`${path}.service`, svc.name ?? '', svc.namespace ?? '', svc.path, svc.port ?? 443);
}

function validateReviewVersions(versions: string[] | undefined, path: string): FieldError[] {
  if (!versions?.length) return [required(path, `must specify one of ${REVIEW_VERSIONS.join(', ')}`)];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v)) errs.push(duplicate(`${path}[${i}]`, v));
    seen.add(v);
  });
  if (!versions.some((v) => REVIEW_VERSIONS.includes(v))) errs.push(invalid(path, versions, `must include at least one of ${REVIEW_VERSIONS.join(', ')}`));
  return errs;
}

function validateWebhook(hook: Webhook, path: string, mutating: boolean): FieldError[] {
  const errs: FieldError[] = [...validateName(hook.name ?? '', `${path}.name`)];
  (hook.rules ?? []).forEach((rule, i) => errs.push(...validateRule(rule, `${path}.rules[${i}]`)));
  if (hook.failurePolicy !== undefined && !['Fail', 'Ignore'].includes(hook.failurePolicy)) errs.push(notSupported(`${path}.failurePolicy`, hook.failurePolicy, ['Fail', 'Ignore']));
  if (hook.matchPolicy !== undefined && !['Exact', 'Equivalent'].includes(hook.matchPolicy)) errs.push(notSupported(`${path}.matchPolicy`, hook.matchPolicy, ['Equivalent', 'Exact']));
  if (hook.sideEffects === undefined) errs.push(required(`${path}.sideEffects`, `must specify one of ${SIDE_EFFECTS.join(', ')}`));
  else if (!SIDE_EFFECTS.includes(hook.sideEffects)) errs.push(notSupported(`${path}.sideEffects`, hook.sideEffects, SIDE_EFFECTS));
  const timeout = hook.timeoutSeconds;
  if (timeout !== undefined && (timeout < 1 || timeout > 30)) errs.push(invalid(`${path}.timeoutSeconds`, timeout, 'the timeout value must be between 1 and 30 seconds'));
  errs.push(...labelSelector(hook.namespaceSelector, `${path}.namespaceSelector`), ...labelSelector(hook.objectSelector, `${path}.objectSelector`));
  errs.push(...validateReviewVersions(hook.admissionReviewVersions, `${path}.admissionReviewVersions`));
  errs.push(...validateClientConfig(hook.clientConfig, `${path}.clientConfig`));
  if (mutating && hook.reinvocationPolicy !== undefined && !['Never', 'IfNeeded'].includes(hook.reinvocationPolicy)) {
    errs.push(notSupported(`${path}.reinvocationPolicy`, hook.reinvocationPolicy, ['IfNeeded', 'Never']));
  }
  errs.push(...validateMatchConditions(hook.matchConditions, `${path}.matchConditions`));
  return errs;
}

export function validateWebhookConfiguration(obj: KubeObject, mutating: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ((obj as WebhookConfiguration).webhooks ?? []).forEach((hook, i) => {
    errs.push(...validateWebhook(hook, `webhooks[${i}]`, mutating));
    if (hook.name && names.has(hook.name)) errs.push(duplicate(`webhooks[${i}].name`, hook.name));
    if (hook.name) names.add(hook.name);
  });
  return errs;
}
