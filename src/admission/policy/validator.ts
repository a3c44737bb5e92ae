// Evaluating one policy for one binding and one param (admission/plugin/policy/validating/
// validator.go): match conditions, variables (each evaluated once, on first use), then every
// validation. A false validation is a denial with its message; an evaluation error follows the
// policy's failurePolicy.
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes } from '../interfaces.js';
import type { Activation } from './cel/environment.js';
import { requestValue } from './cel/request.js';
import { celString, toCel } from './cel/values.js';
import type { CompiledPolicy, CompiledValidation } from './compiled-policy.js';
import { evaluateConditions, evaluationError } from './match-conditions.js';

export interface Failure {
  message: string;
  reason: string;
}

/** The `variables` object: each variable evaluated when first read, errors thrown on read. */
function lazyVariables(policy: CompiledPolicy, activation: Activation): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const v of policy.variables) {
    let cached: { value?: unknown; error?: unknown } | undefined;
    Object.defineProperty(variables, v.name, {
      enumerable: true,
      get() {
        if (!cached) {
          try {
            cached = { value: v.expression.evaluate(activation) };
          } catch (err) {
            cached = { error: new Error(evaluationError(v.expression.source, err)) };
          }
        }
        if (cached.error) throw cached.error;
        return cached.value;
      },
    });
  }
  return variables;
}

function failureMessage(v: CompiledValidation, activation: Activation): string {
  if (v.messageExpression) {
    try {
      const text = v.messageExpression.evaluate(activation);
      if (typeof text === 'string' && text.trim() && !/[\r\n]/.test(text)) return text;
    } catch {
      // an unusable messageExpression falls back to message
    }
  }
  return v.message || `failed expression: ${v.expression.source}`;
}

export function activationFor(attrs: AdmissionAttributes, param: KubeObject | null, namespace: KubeObject | undefined): Activation {
  return {
    object: toCel(attrs.object ?? null),
    oldObject: toCel(attrs.oldObject ?? null),
    request: requestValue(attrs),
    params: toCel(param),
    namespaceObject: toCel(namespace ?? null),
  };
}

/** The failures of one evaluation; errors under failurePolicy Ignore are not failures. */
export function evaluatePolicy(policy: CompiledPolicy, activation: Activation): Failure[] {
  const fail = (message: string): Failure[] => (policy.failurePolicy === 'Ignore' ? [] : [{ message, reason: 'Invalid' }]);
  if (policy.error) return fail(policy.error);
  const withVariables: Activation = { ...activation };
  withVariables.variables = lazyVariables(policy, withVariables);
  const match = evaluateConditions(policy.conditions, withVariables, policy.failurePolicy);
  if (!match.matches) return match.error ? fail(match.error) : [];
  const failures: Failure[] = [];
  for (const v of policy.validations) {
    let result: unknown;
    try {
      result = v.expression.evaluate(withVariables);
    } catch (err) {
      failures.push(...fail(evaluationError(v.expression.source, err)));
      continue;
    }
    if (typeof result !== 'boolean') failures.push(...fail(`expression '${v.expression.source}' resulted in error: expected bool, got ${celString(result)}`));
    else if (!result) failures.push({ message: failureMessage(v, withVariables), reason: v.reason });
  }
  return failures;
}
