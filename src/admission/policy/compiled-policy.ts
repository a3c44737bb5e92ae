// A ValidatingAdmissionPolicy and its bindings, prepared once per change: expressions compiled,
// selectors parsed. A policy whose expressions do not compile keeps the error, which applies
// its failurePolicy to every request it matches.
import type { KubeObject } from '../../api/types.js';
import type {
  MatchResources,
  ParamKind,
  ParamRef,
  ValidatingAdmissionPolicy,
  ValidatingAdmissionPolicyBinding,
} from '../../registry/admissionregistration/types.js';
import { labelSelectorFromObject, type LabelSelector } from '../../selectors/label-selector.js';
import { compileCel, type CompiledExpression } from './cel/environment.js';
import { compileConditions, type CompiledCondition } from './match-conditions.js';

export interface CompiledValidation {
  expression: CompiledExpression;
  message?: string;
  messageExpression?: CompiledExpression;
  reason: string;
}

export interface CompiledPolicy {
  name: string;
  failurePolicy: 'Fail' | 'Ignore';
  paramKind?: ParamKind;
  matchConstraints?: PreparedMatch;
  conditions: CompiledCondition[];
  variables: { name: string; expression: CompiledExpression }[];
  validations: CompiledValidation[];
  /** Why the policy cannot be evaluated, when it cannot. */
  error?: string;
}

export interface PreparedMatch {
  spec: MatchResources;
  namespaceSelector: LabelSelector | Error;
  objectSelector: LabelSelector | Error;
}

export interface CompiledBinding {
  name: string;
  policyName: string;
  paramRef?: ParamRef;
  paramSelector?: LabelSelector | Error;
  matchResources?: PreparedMatch;
  actions: string[];
}

function selector(sel: MatchResources['namespaceSelector']): LabelSelector | Error {
  try {
    return labelSelectorFromObject(sel ?? {});
  } catch (err) {
    return err as Error;
  }
}

function prepareMatch(spec: MatchResources | undefined): PreparedMatch | undefined {
  return spec && { spec, namespaceSelector: selector(spec.namespaceSelector), objectSelector: selector(spec.objectSelector) };
}

export function compilePolicy(obj: KubeObject): CompiledPolicy {
  const spec = (obj as ValidatingAdmissionPolicy).spec ?? {};
  const policy: CompiledPolicy = {
    name: obj.metadata.name ?? '',
    failurePolicy: spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail',
    paramKind: spec.paramKind,
    matchConstraints: prepareMatch(spec.matchConstraints),
    conditions: compileConditions(spec.matchConditions),
    variables: [],
    validations: [],
  };
  try {
    policy.variables = (spec.variables ?? []).map((v) => ({ name: v.name ?? '', expression: compileCel(v.expression ?? '') }));
    policy.validations = (spec.validations ?? []).map((v) => ({
      expression: compileCel(v.expression ?? ''),
      message: v.message,
      messageExpression: v.messageExpression ? compileCel(v.messageExpression) : undefined,
      reason: v.reason ?? 'Invalid',
    }));
  } catch (err) {
    policy.error = (err as Error).message;
  }
  return policy;
}

export function compileBinding(obj: KubeObject): CompiledBinding {
  const spec = (obj as ValidatingAdmissionPolicyBinding).spec ?? {};
  return {
    name: obj.metadata.name ?? '',
    policyName: spec.policyName ?? '',
    paramRef: spec.paramRef,
    paramSelector: spec.paramRef?.selector ? selector(spec.paramRef.selector) : undefined,
    matchResources: prepareMatch(spec.matchResources),
    actions: spec.validationActions ?? [],
  };
}
