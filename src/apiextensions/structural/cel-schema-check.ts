// The CEL part of a CRD schema's validation (apiextensions validation.go with cel.Compile): every
// x-kubernetes-validations rule is parsed and type-checked against its node's CEL type; a rule
// must be a bool. Failures are Invalid at `<node>.x-kubernetes-validations[i].rule` (the value is
// the rule struct, `%#v`) with cel-go's `compilation failed: ERROR: <input>:…` detail; the same
// for messageExpression, which must be a string. oldSelf may not be used below lists that are not
// map lists or atomic maps, and optionalOldSelf only with oldSelf. Rules of a node are compiled
// only when neither it nor anything below it has a schema error; these errors come after all
// schema errors, children's before their parent's. Estimated costs are not computed.
import type { ASTNode, Environment } from '@marcbachmann/cel-js';
import type { FieldError } from '../../api/field-errors.js';
import { invalid } from '../../api/field-errors.js';
import { goPointers } from '../../api/go-format.js';
import { readsVariable } from '../../admission/policy/cel/environment.js';
import { checkIssue, parseIssue } from './cel-issues.js';
import { ruleEnvironments, type RuleEnvironments } from './cel-decl-types.js';
import type { CRDSchema, ValidationRule } from './schema.js';
import { additionalSchema } from './schema.js';

interface Compiled {
  ast?: ASTNode;
  /** The result type, when the expression compiled. */
  type?: string;
  /** cel-go's Issues text, when it did not. */
  issues?: string;
}

function compile(env: Environment, source: string): Compiled {
  let parsed;
  try {
    parsed = env.parse(source);
  } catch (err) {
    return { issues: parseIssue(source, err) };
  }
  const check = parsed.check();
  if (!check.valid) return { issues: checkIssue(env, source, check.error) };
  return { ast: parsed.ast, type: check.type };
}

/** The detail of an expression that failed to compile or has the wrong type; undefined when fine. */
function compileFailure(c: Compiled, what: string, resultType: string): string | undefined {
  if (c.issues !== undefined) return `${what ? `${what} ` : ''}compilation failed: ${c.issues}`;
  if (c.type !== resultType) return `${what || 'cel expression'} must evaluate to a ${resultType}`;
  return undefined;
}

const pointer = goPointers(0xc0009e2000, 0x10);

/** `%#v` of the internal apiextensions.ValidationRule (pointers print as made-up addresses). */
function goRule(r: ValidationRule): string {
  const q = (s: string | undefined): string => JSON.stringify(s ?? '');
  return (
    `apiextensions.ValidationRule{Rule:${q(r.rule)}, Message:${q(r.message)}, MessageExpression:${q(r.messageExpression)}, ` +
    `Reason:${pointer('apiextensions.FieldValueErrorReason', r.reason !== undefined)}, FieldPath:${q(r.fieldPath)}, ` +
    `OptionalOldSelf:${pointer('bool', r.optionalOldSelf !== undefined)}}`
  );
}

function ruleErrors(envs: RuleEnvironments, r: ValidationRule, at: string, uncorrelatable: string | undefined): FieldError[] {
  if (!r.rule?.trim()) return [];
  const env = r.optionalOldSelf === true ? envs.optional : envs.plain;
  const errs: FieldError[] = [];
  const rule = compile(env, r.rule);
  const ruleFailure = compileFailure(rule, '', 'bool');
  if (ruleFailure) errs.push({ ...invalid(`${at}.rule`, null, ruleFailure), rendered: goRule(r) });
  if (!ruleFailure && r.messageExpression) {
    const messageFailure = compileFailure(compile(env, r.messageExpression), 'messageExpression', 'string');
    if (messageFailure) errs.push({ ...invalid(`${at}.messageExpression`, null, messageFailure), rendered: goRule(r) });
  }
  if (!ruleFailure && readsVariable(rule.ast, 'oldSelf')) {
    if (uncorrelatable !== undefined) errs.push(invalid(`${at}.rule`, r.rule, `oldSelf cannot be used on the uncorrelatable portion of the schema within ${uncorrelatable}`));
  } else if (r.optionalOldSelf !== undefined) {
    errs.push(invalid(`${at}.optionalOldSelf`, r.optionalOldSelf, 'may not be set if oldSelf is not used in rule'));
  }
  return errs;
}

interface Walk {
  /** Whether a schema error lies at or below a path: CEL is not compiled there. */
  hasSchemaError(path: string): boolean;
  out: FieldError[];
}

function nodeErrors(s: CRDSchema, path: string, resourceRoot: boolean, uncorrelatable: string | undefined, walk: Walk): void {
  const rules = s['x-kubernetes-validations'] ?? [];
  if (!rules.length || walk.hasSchemaError(path)) return;
  const envs = ruleEnvironments(s, resourceRoot);
  if (!envs) {
    const detail = 'internal error: failed to retrieve type information for x-kubernetes-validations';
    walk.out.push({ type: 'InternalError', field: `${path}.x-kubernetes-validations`, detail });
    return;
  }
  rules.forEach((r, i) => walk.out.push(...ruleErrors(envs, r, `${path}.x-kubernetes-validations[${i}]`, uncorrelatable)));
}

const embedded = (s: CRDSchema): boolean => s['x-kubernetes-embedded-resource'] === true;

function walkSchema(s: CRDSchema, path: string, resourceRoot: boolean, uncorrelatable: string | undefined, walk: Walk): void {
  const additional = additionalSchema(s);
  if (additional) walkSchema(additional, `${path}.additionalProperties`, embedded(additional), uncorrelatable, walk);
  const atomicMap = s['x-kubernetes-map-type'] === 'atomic';
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    walkSchema(p, `${path}.properties[${k}]`, embedded(p), uncorrelatable ?? (atomicMap ? path : undefined), walk);
  }
  if (s.items && !Array.isArray(s.items)) {
    const correlatable = s['x-kubernetes-list-type'] === 'map';
    walkSchema(s.items, `${path}.items`, embedded(s.items), uncorrelatable ?? (correlatable ? undefined : path), walk);
  }
  nodeErrors(s, path, resourceRoot, uncorrelatable, walk);
}

/**
 * The CEL errors of a structurally valid schema at `path`; `schemaErrors` are the schema-rule
 * errors already found, which keep the rules of their nodes and ancestors from compiling.
 */
export function celSchemaErrors(schema: CRDSchema, path: string, schemaErrors: readonly FieldError[]): FieldError[] {
  const walk: Walk = {
    hasSchemaError: (at) => schemaErrors.some((e) => e.field.startsWith(`${at}.`)),
    out: [],
  };
  walkSchema(schema, path, true, undefined, walk);
  return walk.out;
}
