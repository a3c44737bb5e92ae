// The fieldPath of an x-kubernetes-validations rule (`.spec.replicas`, `.labels['a.b']`) as the
// field path Kubernetes reports the rule's failure at: named steps through properties print as
// `.name`, steps into additionalProperties maps as `[key]` (cel.ValidFieldPath).
import type { CRDSchema } from './schema.js';
import { additionalSchema, child, key } from './schema.js';

/** Splits `.a['b.c'].d` into its steps; undefined when the syntax is wrong. */
function steps(fieldPath: string): string[] | undefined {
  const out: string[] = [];
  const rx = /\.([^.[\]]+)|\['((?:[^'\\]|\\.)*)'\]/y;
  let at = 0;
  while (at < fieldPath.length) {
    rx.lastIndex = at;
    const m = rx.exec(fieldPath);
    if (!m) return undefined;
    out.push(m[1] ?? m[2].replace(/\\(.)/g, '$1'));
    at = rx.lastIndex;
  }
  return out;
}

/** The rule's fieldPath relative to its schema node, or undefined when it names no declared field. */
export function normalizeRuleFieldPath(fieldPath: string, schema: CRDSchema): string | undefined {
  const parts = steps(fieldPath);
  if (!parts?.length) return undefined;
  let path = '';
  let s: CRDSchema | undefined = schema;
  for (const name of parts) {
    if (s?.properties) {
      s = Object.hasOwn(s.properties, name) ? s.properties[name] : undefined;
      if (!s) return undefined;
      path = child(path, name);
    } else if (additionalSchema(s)) {
      s = additionalSchema(s);
      path = key(path, name);
    } else {
      return undefined;
    }
  }
  return path;
}
