// Validation shared by webhooks and policies (pkg/apis/admissionregistration/validation): rules,
// match resources, label selectors and CEL match conditions.
import { duplicate, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import { compileCel, CelCompileError, MATCH_CONDITION_VARIABLES } from '../../admission/policy/cel/environment.js';
import { labelSelector } from '../../validation/kinds/common.js';
import { isQualifiedName } from '../../validation/names.js';
import type { MatchCondition, MatchResources, NamedRuleWithOperations, RuleWithOperations } from './types.js';

const OPERATIONS = ['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'];
const SCOPES = ['*', 'Cluster', 'Namespaced'];
const MAX_MATCH_CONDITIONS = 64;

/** A list that holds `*` must hold nothing else. */
function wildcardAlone(values: readonly string[], path: string, what: string): FieldError[] {
  return values.includes('*') && values.length > 1 ? [invalid(path, values, `if '*' is present, must not specify other ${what}`)] : [];
}

function resources(values: readonly string[], path: string): FieldError[] {
  if (!values.length) return [required(path, '')];
  const errs: FieldError[] = [];
  values.forEach((r, i) => {
    if (!r) errs.push(required(`${path}[${i}]`, ''));
    else if (r.split('/').length > 2) errs.push(invalid(`${path}[${i}]`, r, 'resource must be in the form of <resource> or <resource>/<subresource>'));
  });
  if (values.includes('*/*') && values.length > 1) errs.push(invalid(path, values, "if '*/*' is present, must not specify other resources"));
  return errs;
}

export function validateRule(rule: RuleWithOperations | undefined, path: string, withOperations = true): FieldError[] {
  const errs: FieldError[] = [];
  const ops = rule?.operations ?? [];
  if (withOperations) {
    if (!ops.length) errs.push(required(`${path}.operations`, ''));
    ops.forEach((op, i) => {
      if (!OPERATIONS.includes(op)) errs.push(notSupported(`${path}.operations[${i}]`, op, OPERATIONS));
    });
    errs.push(...wildcardAlone(ops, `${path}.operations`, 'operations'));
  }
  const groups = rule?.apiGroups ?? [];
  if (!groups.length) errs.push(required(`${path}.apiGroups`, ''));
  errs.push(...wildcardAlone(groups, `${path}.apiGroups`, 'API groups'));
  const versions = rule?.apiVersions ?? [];
  if (!versions.length) errs.push(required(`${path}.apiVersions`, ''));
  versions.forEach((v, i) => {
    if (!v) errs.push(required(`${path}.apiVersions[${i}]`, 'version must be non-empty'));
  });
  errs.push(...wildcardAlone(versions, `${path}.apiVersions`, 'API versions'));
  errs.push(...resources(rule?.resources ?? [], `${path}.resources`));
  if (rule?.scope !== undefined && !SCOPES.includes(rule.scope)) errs.push(notSupported(`${path}.scope`, rule.scope, SCOPES));
  return errs;
}

export function validateMatchConditions(conditions: MatchCondition[] | undefined, path: string, variables: readonly string[] = MATCH_CONDITION_VARIABLES): FieldError[] {
  const list = conditions ?? [];
  const errs: FieldError[] = [];
  if (list.length > MAX_MATCH_CONDITIONS) errs.push({ type: 'FieldValueTooMany', field: path, detail: `must have at most ${MAX_MATCH_CONDITIONS} items` });
  const seen = new Set<string>();
  list.forEach((c, i) => {
    const name = c.name ?? '';
    if (!name) errs.push(required(`${path}[${i}].name`, ''));
    else for (const msg of isQualifiedName(name)) errs.push(invalid(`${path}[${i}].name`, name, msg));
    if (name && seen.has(name)) errs.push(duplicate(`${path}[${i}].name`, name));
    seen.add(name);
    errs.push(...validateExpression(c.expression, `${path}[${i}].expression`, variables));
  });
  return errs;
}

/** A required CEL expression that must compile. */
export function validateExpression(expression: string | undefined, path: string, variables?: readonly string[]): FieldError[] {
  if (!expression?.trim()) return [required(path, '')];
  try {
    compileCel(expression, variables);
    return [];
  } catch (err) {
    if (err instanceof CelCompileError) return [invalid(path, expression, err.message)];
    throw err;
  }
}

export function validateMatchResources(match: MatchResources | undefined, path: string, requireRules: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!match) return requireRules ? [required(path, '')] : [];
  errs.push(...labelSelector(match.namespaceSelector, `${path}.namespaceSelector`), ...labelSelector(match.objectSelector, `${path}.objectSelector`));
  if (match.matchPolicy !== undefined && !['Exact', 'Equivalent'].includes(match.matchPolicy)) {
    errs.push(notSupported(`${path}.matchPolicy`, match.matchPolicy, ['Equivalent', 'Exact']));
  }
  if (requireRules && !match.resourceRules?.length) errs.push(required(`${path}.resourceRules`, ''));
  const named = (rules: NamedRuleWithOperations[] | undefined, field: string): void =>
    (rules ?? []).forEach((r, i) => errs.push(...validateRule(r, `${path}.${field}[${i}]`)));
  named(match.resourceRules, 'resourceRules');
  named(match.excludeResourceRules, 'excludeResourceRules');
  return errs;
}
