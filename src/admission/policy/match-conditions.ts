// matchConditions (admission/plugin/cel/matcher.go), for webhooks and policies alike: any
// condition that is false skips the hook; otherwise an evaluation error fails the request under
// failurePolicy Fail and skips the hook under Ignore.
import type { MatchCondition } from '../../registry/admissionregistration/types.js';
import { celErrorText, compileCel, type Activation, type CompiledExpression } from './cel/environment.js';

export interface CompiledCondition {
  name: string;
  expression: CompiledExpression;
}

export type MatchOutcome = { matches: true } | { matches: false; error?: string };

/** Compiles the conditions; a condition that does not compile always errors at evaluation. */
export function compileConditions(conditions: readonly MatchCondition[] | undefined, variables?: readonly string[]): CompiledCondition[] {
  return (conditions ?? []).map((c) => {
    const source = c.expression ?? '';
    try {
      return { name: c.name ?? '', expression: compileCel(source, variables) };
    } catch (err) {
      const message = (err as Error).message;
      return { name: c.name ?? '', expression: { source, evaluate: () => { throw new Error(message); } } };
    }
  });
}

/** `expression '<src>' resulted in error: <reason>`, as cel-go filters report it. */
export function evaluationError(source: string, err: unknown): string {
  const text = celErrorText(err);
  // Go errors start in lower case ("no such key: x").
  return `expression '${source}' resulted in error: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

export function evaluateConditions(conditions: readonly CompiledCondition[], activation: Activation, failurePolicy: string | undefined): MatchOutcome {
  const errors: string[] = [];
  for (const c of conditions) {
    let value: unknown;
    try {
      value = c.expression.evaluate(activation);
    } catch (err) {
      errors.push(evaluationError(c.expression.source, err));
      continue;
    }
    if (value === false) return { matches: false };
    if (value !== true) errors.push(`expression '${c.expression.source}' resulted in error: cel expression must evaluate to a bool`);
  }
  if (!errors.length) return { matches: true };
  if (failurePolicy === 'Ignore') return { matches: false };
  return { matches: false, error: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` };
}
