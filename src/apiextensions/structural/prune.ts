// Structural pruning (apiextensions-apiserver schema/pruning): fields the schema does not declare
// are removed. The object root and every x-kubernetes-embedded-resource object keep apiVersion,
// kind and metadata; under x-kubernetes-preserve-unknown-fields unknown fields stay but declared
// ones are still walked. The pruned paths are returned sorted, as kube-apiserver lists them in
// `unknown field "spec.foo"` (strict decoding errors and warnings): `spec.items[0].foo`.
import { isPlainObject } from '../../api/types.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import type { CRDSchema } from './schema.js';
import { child } from './schema.js';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** The schema of a map entry that is not a declared property: additionalProperties, a bool meaning "no schema". */
function entrySchema(s: CRDSchema, k: string): { found: boolean; schema?: CRDSchema } {
  if (s.properties && Object.hasOwn(s.properties, k)) return { found: true, schema: s.properties[k] };
  if (s.additionalProperties !== undefined) return { found: true, schema: typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined };
  return { found: false };
}

function pruneMap(x: Record<string, unknown>, s: CRDSchema | undefined, path: string, embedded: boolean, pruned: string[]): void {
  for (const k of Object.keys(x)) {
    if (embedded && META_FIELDS.has(k)) continue;
    const entry = s ? entrySchema(s, k) : { found: false };
    if (entry.found) prune(x[k], entry.schema, child(path, k), pruned);
    else {
      pruned.push(child(path, k));
      delete x[k];
    }
  }
}

function prune(x: unknown, s: CRDSchema | undefined, path: string, pruned: string[]): void {
  if (s?.['x-kubernetes-preserve-unknown-fields']) return skipPrune(x, s, path, pruned);
  if (Array.isArray(x)) x.forEach((v, i) => prune(v, s?.items, `${path}[${i}]`, pruned));
  else if (isPlainObject(x)) pruneMap(x, s, path, Boolean(s?.['x-kubernetes-embedded-resource']), pruned);
}

/** Below x-kubernetes-preserve-unknown-fields: unknown fields stay, declared ones are pruned inside. */
function skipPrune(x: unknown, s: CRDSchema, path: string, pruned: string[]): void {
  if (Array.isArray(x)) return x.forEach((v, i) => prune(v, s.items, `${path}[${i}]`, pruned));
  if (!isPlainObject(x)) return;
  const embedded = Boolean(s['x-kubernetes-embedded-resource']);
  for (const k of Object.keys(x)) {
    if (embedded && META_FIELDS.has(k)) continue;
    const entry = entrySchema(s, k);
    if (entry.found) prune(x[k], entry.schema, child(path, k), pruned);
  }
}

/** Removes, in place, the fields of a custom resource its schema does not declare; returns their paths. */
export function pruneUnknownFields(schema: Schema, obj: Record<string, unknown>): string[] {
  const root: CRDSchema = { ...(schema as CRDSchema), 'x-kubernetes-embedded-resource': true };
  const pruned: string[] = [];
  prune(obj, root, '', pruned);
  return pruned.sort();
}
