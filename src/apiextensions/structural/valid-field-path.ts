// cel.ValidFieldPath (apiextensions-apiserver schema/cel): a JSON path such as `.spec.replicas`
// or `.labels['a.b']` walked through a CRD schema. `.name` and `['name']` step into a declared
// property (field.Path's Child, `spec.replicas`) or, where the node is a map, into its
// additionalProperties (field.Path's Key, `labels[a.b]`). An x-kubernetes-validations rule's
// fieldPath may use the bracket form; a selectable field's may not. Errors carry Go's text.
import type { Schema } from '../../openapi/schema-catalog.js';
import { child, key } from './schema.js';
import type { CRDSchema } from './schema.js';

export interface FoundField {
  /** The field.Path string of the path: `spec.a`, `spec.labels[key]`. */
  path: string;
  /** Its first step (field.Path's Root). */
  root: string;
  /** The schema it leads to; undefined past an additionalProperties without one. */
  schema?: CRDSchema;
}

const DELIMITERS = '.[]';

/** The scanner's tokens: each delimiter alone, a quoted string up to its closing quote, or the text between. */
function tokens(jsonPath: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < jsonPath.length) {
    let end = at + 1;
    if (jsonPath[at] === "'") {
      while (end < jsonPath.length && !(jsonPath[end] === "'" && jsonPath[end - 1] !== '\\')) end++;
      end++;
    } else if (!DELIMITERS.includes(jsonPath[at])) {
      while (end < jsonPath.length && !DELIMITERS.includes(jsonPath[end])) end++;
    }
    out.push(jsonPath.slice(at, end));
    at = end;
  }
  return out;
}

class Walk {
  path = '';
  root = '';
  constructor(public schema: CRDSchema | undefined) {}

  /** One step by name: a declared property, or a key of a map. */
  step(name: string): Error | undefined {
    const s = this.schema;
    if (s?.properties) {
      if (!Object.hasOwn(s.properties, name)) return new Error('does not refer to a valid field');
      this.path = child(this.path, name);
      this.schema = s.properties[name];
    } else if (s?.additionalProperties !== undefined) {
      this.path = key(this.path, name);
      this.schema = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
    } else {
      return new Error('does not refer to a valid field');
    }
    this.root ||= this.path;
    return undefined;
  }
}

/** `['name']`: the quoted name, its escapes undone, and the closing bracket. */
function bracketStep(parts: string[], i: number, walk: Walk): Error | number {
  const quoted = parts[i];
  if (quoted === undefined) return new Error('unexpected end of JSON path');
  if (quoted.length < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) return new Error(`expected single quoted string but got ${quoted}`);
  const err = walk.step(quoted.slice(1, -1).replace(/\\(.)/g, '$1'));
  if (err) return err;
  const close = parts[i + 1];
  if (close === undefined) return new Error('unexpected end of JSON path');
  return close === ']' ? i + 2 : new Error(`expected ] but got ${close}`);
}

/** Walks `jsonPath` through `schema`; an Error with Go's message when it is not a valid field path. */
export function validFieldPath(jsonPath: string, schema: Schema, allowArrayNotation: boolean): FoundField | Error {
  const parts = tokens(jsonPath);
  const walk = new Walk(schema as CRDSchema);
  for (let i = 0; i < parts.length; ) {
    const tok = parts[i];
    if (tok === '[') {
      if (!allowArrayNotation) return new Error('array notation is not allowed');
      const next = bracketStep(parts, i + 1, walk);
      if (next instanceof Error) return next;
      i = next;
    } else if (tok === '.') {
      const name = parts[i + 1];
      if (name === undefined) return new Error('unexpected end of JSON path');
      const err = walk.step(name);
      if (err) return err;
      i += 2;
    } else {
      return new Error(`expected [ or . but got: ${tok}`);
    }
  }
  return { path: walk.path, root: walk.root, schema: walk.schema };
}
