// The CEL environment of admission expressions (k8s.io/apiserver/pkg/cel/environment): the
// variables a policy or match condition sees, the standard macros, optional types, cel.bind, and
// Kubernetes' libraries (lists, regex, quantity, URL, IP, CIDR, sets, format, extended strings). Expressions compile once
// and evaluate many times.
import { Environment, type ParseResult } from '@marcbachmann/cel-js';
import { registerCIDR } from './lib-cidr.js';
import { registerFormat } from './lib-format.js';
import { registerIP } from './lib-ip.js';
import { registerLists } from './lib-lists.js';
import { registerQuantity } from './lib-quantity.js';
import { registerRegex } from './lib-regex.js';
import { registerSets } from './lib-sets.js';
import { registerStrings } from './lib-strings.js';
import { registerURL } from './lib-url.js';

/** Variables of ValidatingAdmissionPolicy expressions; match conditions see the first three and `authorizer`-free requests too. */
export const POLICY_VARIABLES = ['object', 'oldObject', 'request', 'params', 'namespaceObject', 'variables'] as const;
/** Variables of webhook matchConditions. */
export const MATCH_CONDITION_VARIABLES = ['object', 'oldObject', 'request'] as const;

export type Activation = Partial<Record<(typeof POLICY_VARIABLES)[number], unknown>>;

export interface CompiledExpression {
  readonly source: string;
  evaluate(activation: Activation): unknown;
}

export class CelCompileError extends Error {}

/** A CEL environment with Kubernetes' libraries (pkg/cel/library at compatibility version 1.31), for policies and CRD rules alike. */
export function kubernetesEnvironment(): Environment {
  const env = new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: false });
  registerStrings(env);
  registerLists(env);
  registerRegex(env);
  registerQuantity(env);
  registerURL(env);
  registerIP(env);
  registerCIDR(env);
  registerSets(env);
  registerFormat(env);
  return env;
}

function buildEnvironment(variables: readonly string[]): Environment {
  const env = kubernetesEnvironment();
  for (const name of variables) env.registerVariable(name, 'dyn');
  return env;
}

const environments = new Map<string, Environment>();

function environmentFor(variables: readonly string[]): Environment {
  const key = variables.join(',');
  let env = environments.get(key);
  if (!env) {
    env = buildEnvironment(variables);
    environments.set(key, env);
  }
  return env;
}

/** The first line of a CEL error, without the source excerpt the package appends. */
export function celErrorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0] ?? text;
}

/** A compiled expression with its syntax tree. */
export interface CompiledCel extends CompiledExpression {
  readonly ast: unknown;
}

/** Parses and type-checks an expression; throws CelCompileError with `compilation failed: …`. */
export function compileCel(source: string, variables: readonly string[] = POLICY_VARIABLES): CompiledCel {
  const env = environmentFor(variables);
  let parsed: ParseResult;
  try {
    parsed = env.parse(source);
  } catch (err) {
    throw new CelCompileError(`compilation failed: ERROR: <input>: Syntax error: ${celErrorText(err)}`);
  }
  const check = parsed.check();
  if (!check.valid) throw new CelCompileError(`compilation failed: ERROR: <input>: ${celErrorText(check.error)}`);
  return { source, evaluate: (activation) => parsed(activation) as unknown, ast: parsed.ast };
}

/** Whether a parsed expression reads a variable: an identifier node of that name (cel-go's checked reference map). */
export function readsVariable(node: unknown, variable: string): boolean {
  if (Array.isArray(node)) return node.some((n) => readsVariable(n, variable));
  if (typeof node !== 'object' || node === null || !('op' in node)) return false;
  const { op, args } = node as { op: string; args: unknown };
  if (op === 'id') return args === variable;
  return readsVariable(args, variable);
}
