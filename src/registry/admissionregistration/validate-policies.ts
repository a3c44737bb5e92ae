// ValidateValidatingAdmissionPolicy and ValidateValidatingAdmissionPolicyBinding: match
// constraints with rules, compilable validations and variables, supported reasons and actions.
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { labelSelector } from '../../validation/kinds/common.js';
import { validateExpression, validateMatchConditions, validateMatchResources } from './validate-rules.js';
import type { ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding, Validation, Variable } from './types.js';
import { POLICY_VARIABLES } from '../../admission/policy/cel/environment.js';

const REASONS = ['Forbidden', 'Invalid', 'RequestEntityTooLarge', 'Unauthorized'];
const ACTIONS = ['Audit', 'Deny', 'Warn'];
const CEL_IDENTIFIER = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

function validateValidation(v: Validation, path: string): FieldError[] {
  const errs = validateExpression(v.expression, `${path}.expression`).map((e) => (e.type === 'FieldValueRequired' ? required(e.field, 'expression is not specified') : e));
  if (v.message !== undefined && /[\r\n]/.test(v.message)) errs.push(invalid(`${path}.message`, v.message, 'message must not contain line breaks'));
  if (v.message !== undefined && !v.message.trim()) errs.push(invalid(`${path}.message`, v.message, 'message must be non-empty if specified'));
  if (v.reason !== undefined && !REASONS.includes(v.reason)) errs.push(notSupported(`${path}.reason`, v.reason, REASONS));
  if (v.messageExpression !== undefined) errs.push(...validateExpression(v.messageExpression, `${path}.messageExpression`));
  return errs;
}

function validateVariable(v: Variable, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!v.name) errs.push(required(`${path}.name`, 'name is not specified'));
  else if (!CEL_IDENTIFIER.test(v.name)) errs.push(invalid(`${path}.name`, v.name, 'name is not a valid CEL identifier'));
  errs.push(...validateExpression(v.expression, `${path}.expression`));
  return errs;
}

export function validatePolicy(obj: KubeObject): FieldError[] {
  const spec = (obj as ValidatingAdmissionPolicy).spec ?? {};
  const errs: FieldError[] = [];
  if (spec.paramKind) {
    if (!spec.paramKind.apiVersion) errs.push(required('spec.paramKind.apiVersion', ''));
    if (!spec.paramKind.kind) errs.push(required('spec.paramKind.kind', ''));
  }
  errs.push(...validateMatchResources(spec.matchConstraints, 'spec.matchConstraints', true));
  if (!spec.validations?.length && !spec.auditAnnotations?.length) errs.push(required('spec.validations', 'validations or auditAnnotations must contain at least one item'));
  (spec.validations ?? []).forEach((v, i) => errs.push(...validateValidation(v, `spec.validations[${i}]`)));
  if (spec.failurePolicy !== undefined && !['Fail', 'Ignore'].includes(spec.failurePolicy)) errs.push(notSupported('spec.failurePolicy', spec.failurePolicy, ['Fail', 'Ignore']));
  errs.push(...validateMatchConditions(spec.matchConditions, 'spec.matchConditions', POLICY_VARIABLES));
  (spec.variables ?? []).forEach((v, i) => errs.push(...validateVariable(v, `spec.variables[${i}]`)));
  return errs;
}

function validateActions(actions: string[] | undefined): FieldError[] {
  if (!actions?.length) return [required('spec.validationActions', 'at least one validation action is required')];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  actions.forEach((a, i) => {
    if (!ACTIONS.includes(a)) errs.push(notSupported(`spec.validationActions[${i}]`, a, ACTIONS));
    if (seen.has(a)) errs.push(duplicate(`spec.validationActions[${i}]`, a));
    seen.add(a);
  });
  if (seen.has('Deny') && seen.has('Warn')) errs.push(invalid('spec.validationActions', actions, 'must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)'));
  return errs;
}

export function validateBinding(obj: KubeObject): FieldError[] {
  const spec = (obj as ValidatingAdmissionPolicyBinding).spec ?? {};
  const errs: FieldError[] = [];
  if (!spec.policyName) errs.push(required('spec.policyName', ''));
  const ref = spec.paramRef;
  if (ref) {
    if (ref.name && ref.selector) errs.push(forbidden('spec.paramRef.name', 'name and selector are mutually exclusive'));
    if (!ref.name && !ref.selector) errs.push(required('spec.paramRef', 'one of name or selector must be specified'));
    errs.push(...labelSelector(ref.selector, 'spec.paramRef.selector'));
    if (!ref.parameterNotFoundAction) errs.push(required('spec.paramRef.parameterNotFoundAction', ''));
    else if (!['Allow', 'Deny'].includes(ref.parameterNotFoundAction)) errs.push(notSupported('spec.paramRef.parameterNotFoundAction', ref.parameterNotFoundAction, ['Allow', 'Deny']));
  }
  errs.push(...validateMatchResources(spec.matchResources, 'spec.matchResources', false));
  errs.push(...validateActions(spec.validationActions));
  return errs;
}
