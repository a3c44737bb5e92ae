// x-kubernetes-validations (apiextensions-apiserver schema/cel/validation.go): each rule of a
// schema node is a CEL expression over `self` (the node's value) and, on update, `oldSelf` (the
// correlated old value). Rules are compiled once per schema node. A rule that reads oldSelf is a
// transition rule and runs only when there is an old value (or with optionalOldSelf, where
// oldSelf is an optional). A failed rule is an Invalid error (or the rule's reason) whose value is
// the node's schema type and whose detail is the message, the messageExpression's result or
// `failed rule: <rule>`. On update, the failures of values left unchanged are warnings instead.
import { Optional } from '@marcbachmann/cel-js';
import type { FieldError } from '../../api/field-errors.js';
import { duplicate, forbidden, invalid, required } from '../../api/field-errors.js';
import { celErrorText, compileCel, readsVariable, type Activation, type CompiledExpression } from '../../admission/policy/cel/environment.js';
import { CelLibraryError } from '../../admission/policy/cel/library-error.js';
import { toCel } from '../../admission/policy/cel/values.js';
import type { CRDSchema, ValidationRule } from './schema.js';
import { child, fieldOf } from './schema.js';
import { validFieldPath } from './valid-field-path.js';

const VARIABLES = ['self', 'oldSelf'] as const;

interface CompiledRule {
  rule: ValidationRule;
  program?: CompiledExpression;
  compileError?: string;
  message?: CompiledExpression;
  usesOldSelf: boolean;
  /** The rule's fieldPath as a path relative to its node, or '' for the node itself. */
  fieldPath: string;
}

const compiled = new WeakMap<CRDSchema, CompiledRule[]>();

function compileOne(s: CRDSchema, rule: ValidationRule): CompiledRule {
  const found = rule.fieldPath ? validFieldPath(rule.fieldPath, s, true) : undefined;
  const fieldPath = found && !(found instanceof Error) ? found.path : '';
  const out: CompiledRule = { rule, usesOldSelf: false, fieldPath };
  try {
    const program = compileCel(rule.rule, VARIABLES);
    out.program = program;
    // A transition rule: one that reads oldSelf (a string that spells it does not make one).
    out.usesOldSelf = readsVariable(program.ast, 'oldSelf');
  } catch (err) {
    out.compileError = err instanceof Error ? err.message : String(err);
  }
  if (rule.messageExpression) {
    try {
      out.message = compileCel(rule.messageExpression, VARIABLES);
    } catch {
      // CRD validation rejects such a messageExpression; the rule falls back to its message.
    }
  }
  return out;
}

/** The compiled rules of a schema node, compiled on first use. */
function rulesOf(s: CRDSchema): CompiledRule[] {
  let rules = compiled.get(s);
  if (!rules) {
    rules = (s['x-kubernetes-validations'] ?? []).map((r) => compileOne(s, r));
    compiled.set(s, rules);
  }
  return rules;
}

/** Evaluates with `self`/`oldSelf`: the CEL layer types activations by the policy variables, so this widens once. */
const evaluate = (e: CompiledExpression, vars: Record<string, unknown>): unknown => e.evaluate(vars as Activation);

const ruleErrorString = (r: ValidationRule): string => (r.message?.trim() ? r.message.trim() : r.rule.trim());
const ruleMessageOrDefault = (r: ValidationRule): string => (r.message?.trim() ? r.message.trim() : `failed rule: ${ruleErrorString(r)}`);

/** CEL's error text as cel-go words it: lower-case first letter (`no such key: x`); a library's as it is. */
function evalErrorText(err: unknown): string {
  const text = celErrorText(err);
  if (err instanceof CelLibraryError) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function evalFailure(c: CompiledRule, err: unknown): string {
  const text = evalErrorText(err);
  if (text.startsWith('no such overload')) {
    return `'${text}': call arguments did not match a supported operator, function or macro signature for rule: ${ruleErrorString(c.rule)}`;
  }
  return `${text} evaluating rule: ${ruleErrorString(c.rule)}`;
}

/** The detail of a failed rule: its messageExpression's result when that is a usable string. */
function failureDetail(c: CompiledRule, activation: Record<string, unknown>): string {
  if (c.message) {
    try {
      const text = evaluate(c.message, activation);
      if (typeof text === 'string' && text.trim() && !/\n/.test(text.trim()) && text.trim().length <= 5120) return text.trim();
    } catch {
      // falls back to the message, as Kubernetes does after logging the evaluation error
    }
  }
  return ruleMessageOrDefault(c.rule);
}

function errorForReason(path: string, type: string, detail: string, reason: ValidationRule['reason']): FieldError {
  const field = fieldOf(path);
  if (reason === 'FieldValueForbidden') return forbidden(field, detail);
  if (reason === 'FieldValueRequired') return required(field, detail);
  if (reason === 'FieldValueDuplicate') return duplicate(field, type);
  return invalid(field, type, detail);
}

export interface RuleOutcome {
  error: FieldError;
  /** A rule that evaluated to false without reading oldSelf: ratcheting may turn it into a warning. */
  ratchetable: boolean;
}

/** Runs a node's rules on its (non-null) value; `old` is undefined when there is no old value. */
export function runRules(s: CRDSchema, value: unknown, old: unknown, path: string): RuleOutcome[] {
  const type = s.type ?? '';
  const self = toCel(value);
  const oldSelf = old === undefined ? undefined : toCel(old);
  const out: RuleOutcome[] = [];
  for (const c of rulesOf(s)) {
    if (c.compileError !== undefined) {
      out.push({ error: invalid(fieldOf(path), type, `rule compile error: ${c.compileError}`), ratchetable: false });
      continue;
    }
    if (!c.program || (c.usesOldSelf && oldSelf === undefined && !c.rule.optionalOldSelf)) continue;
    const activation = { self, oldSelf };
    const ruleActivation = c.rule.optionalOldSelf ? { self, oldSelf: oldSelf === undefined ? Optional.none() : Optional.of(oldSelf) } : activation;
    let result: unknown;
    try {
      result = evaluate(c.program, ruleActivation);
    } catch (err) {
      out.push({ error: invalid(fieldOf(path), type, evalFailure(c, err)), ratchetable: false });
      continue;
    }
    if (result === true) continue;
    const target = c.fieldPath ? child(path, c.fieldPath) : path;
    out.push({ error: errorForReason(target, type, failureDetail(c, activation), c.rule.reason), ratchetable: !c.usesOldSelf });
  }
  return out;
}
