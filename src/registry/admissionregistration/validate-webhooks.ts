// ValidateValidatingWebhookConfiguration / ValidateMutatingWebhookConfiguration: every webhook
// needs a unique qualified name, a client config, supported side effects and review versions,
// rules, selectors, a timeout of 1-30 s and compilable match conditions.
import { duplicate, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { labelSelector } from '../../validation/kinds/common.js';
import { isDNS1123Subdomain } from '../../validation/names.js';
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

function validateClientConfig(cc: WebhookClientConfig | undefined, path: string): FieldError[] {
  if (!cc || Boolean(cc.url) === Boolean(cc.service)) return [required(path, 'exactly one of url or service is required')];
  if (cc.url) {
    if (!URL.canParse(cc.url)) return [invalid(`${path}.url`, cc.url, 'host must be specified')];
    const u = new URL(cc.url);
    if (u.protocol !== 'https:') return [invalid(`${path}.url`, cc.url, "'https' is the only allowed URL scheme")];
    if (u.username || u.password) return [invalid(`${path}.url`, cc.url, 'user information is not permitted in the URL')];
    if (u.hash) return [invalid(`${path}.url`, cc.url, 'fragments are not permitted in the URL')];
    return [];
  }
  const svc = cc.service ?? {};
  const errs: FieldError[] = [];
  if (!svc.name) errs.push(required(`${path}.service.name`, 'service name is required'));
  if (!svc.namespace) errs.push(required(`${path}.service.namespace`, 'service namespace is required'));
  if (svc.path !== undefined && !svc.path.startsWith('/')) errs.push(invalid(`${path}.service.path`, svc.path, "must start with a '/'"));
  if (svc.port !== undefined && (svc.port < 1 || svc.port > 65535)) errs.push(invalid(`${path}.service.port`, svc.port, 'port is not valid: must be between 1 and 65535, inclusive'));
  return errs;
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
