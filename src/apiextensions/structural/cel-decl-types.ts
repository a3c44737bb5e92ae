// CRD schema nodes as CEL types, for type-checking x-kubernetes-validations rules when a CRD is
// written (apiserver/pkg/cel/common SchemaDeclType): objects with properties are message types
// whose fields are the escaped property names, additionalProperties objects are map(string, T),
// arrays list(T), int-or-string dyn; string formats byte, duration, date and date-time are bytes,
// durations and timestamps. The root of a resource (and of every embedded resource) always has
// apiVersion, kind and metadata.name/generateName. Nodes without a type are not exposed.
import { Environment } from '@marcbachmann/cel-js';
import { celEquals } from '../../admission/policy/cel/compare.js';
import { kubernetesEnvironment } from '../../admission/policy/cel/environment.js';
import type { CRDSchema } from './schema.js';
import { additionalSchema } from './schema.js';

const RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if',
  'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

const ESCAPES: Record<string, string> = { __: '__underscores__', '.': '__dot__', '-': '__dash__', '/': '__slash__' };

/** A property name as a CEL field name (cel.Escape), or undefined when it cannot be one. */
function escapeFieldName(name: string): string | undefined {
  if (!name || /^[0-9]/.test(name)) return undefined;
  if (RESERVED.has(name)) return `__${name}__`;
  if (/[^a-zA-Z0-9_./-]/.test(name)) return undefined;
  return name.replace(/__|[-./]/g, (m) => ESCAPES[m] ?? m);
}

const FORMAT_TYPES: Record<string, string> = {
  byte: 'bytes',
  duration: 'google.protobuf.Duration',
  date: 'google.protobuf.Timestamp',
  'date-time': 'google.protobuf.Timestamp',
};
const SCALARS: Record<string, string> = { boolean: 'bool', number: 'double', integer: 'int' };

/**
 * Kubernetes names list items `<list>.@idx` and map values `<map>.@elem`; the CEL package allows
 * no `@` in type names, so `__at__` (which no escaped field name contains) stands for it.
 */
export const AT = '__at__';

const STRING: CRDSchema = { type: 'string' };
const META: CRDSchema = { type: 'object', properties: { name: STRING, generateName: STRING } };

/** WithTypeAndObjectMeta: apiVersion, kind and metadata (name and generateName only) at a resource root. */
function withTypeAndObjectMeta(s: CRDSchema): CRDSchema {
  return { ...s, properties: { ...s.properties, kind: STRING, apiVersion: STRING, metadata: META } };
}

/** Builds the CEL types of schema nodes in one environment; message types get unique names. */
class TypeBuilder {
  readonly env: Environment;

  constructor(env: Environment) {
    this.env = env;
  }

  /** The CEL type name of a node, registering the message types it needs; undefined when not exposed. */
  declType(s: CRDSchema, resourceRoot: boolean, name: string): string | undefined {
    if (s['x-kubernetes-int-or-string']) return 'dyn';
    const node = resourceRoot ? withTypeAndObjectMeta(s) : s;
    if (node.type === 'array') {
      const items = node.items && this.declType(node.items, node.items['x-kubernetes-embedded-resource'] === true, `${name}.${AT}idx`);
      return items && `list<${items}>`;
    }
    if (node.type === 'object') return this.objectType(node, name);
    if (node.type === 'string') return FORMAT_TYPES[node.format ?? ''] ?? 'string';
    return SCALARS[node.type ?? ''];
  }

  private objectType(s: CRDSchema, name: string): string | undefined {
    const additional = additionalSchema(s);
    if (additional) {
      const values = this.declType(additional, additional['x-kubernetes-embedded-resource'] === true, `${name}.${AT}elem`);
      return values && `map<string, ${values}>`;
    }
    const fields: Record<string, string> = {};
    for (const [prop, sub] of Object.entries(s.properties ?? {})) {
      const field = escapeFieldName(prop);
      const type = field && this.declType(sub, sub['x-kubernetes-embedded-resource'] === true, `${name}.${field}`);
      if (field && type) fields[field] = type;
    }
    this.env.registerType({ name, fields });
    this.env.registerOperator(`${name} == ${name}`, celEquals);
    this.env.registerOperator(`${name} == null`, (a: unknown, b: unknown) => a === b);
    return name;
  }
}

let base: Environment | undefined;

/** The libraries of Kubernetes' CEL environment, shared by every rule environment. */
function baseEnvironment(): Environment {
  base ??= kubernetesEnvironment();
  return base;
}

/** Go's time.Now().Nanosecond(), as Kubernetes names a rule's self type (`selfType123456789`). */
const selfTypeName = (): string => `selfType${process.hrtime.bigint() % 1_000_000_000n}`;

export interface RuleEnvironments {
  /** `self` and `oldSelf` of the node's type. */
  plain: Environment;
  /** `self`, and `oldSelf` as an optional (optionalOldSelf rules). */
  optional: Environment;
  selfType: string;
}

/** The environments a node's rules compile in, or undefined when the node has no CEL type. */
export function ruleEnvironments(s: CRDSchema, resourceRoot: boolean): RuleEnvironments | undefined {
  const make = (optional: boolean): { env: Environment; type?: string } => {
    const env = baseEnvironment().clone();
    const type = new TypeBuilder(env).declType(s, resourceRoot, selfTypeName());
    if (type) env.registerVariable('self', type).registerVariable('oldSelf', optional ? `optional<${type}>` : type);
    return { env, type };
  };
  const plain = make(false);
  if (!plain.type) return undefined;
  return { plain: plain.env, optional: make(true).env, selfType: plain.type };
}
