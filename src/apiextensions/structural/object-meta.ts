// A custom resource's ObjectMeta as the crdHandler's decoder treats it (apiextensions-apiserver
// schema/objectmeta GetObjectMetaWithOptions and Coerce, called from unstructuredSchemaCoercer.apply):
// the root metadata must decode into metav1.ObjectMeta, else the request is a 400
// `<Kind> in version "<v>" cannot be handled as a <Kind>: json: cannot unmarshal …`; fields
// ObjectMeta lacks are dropped and reported as unknown (`metadata.unknownMeta`). The metadata of
// every x-kubernetes-embedded-resource object gets the same, its failure being a field error
// (`spec.template.metadata: Invalid value: map[string]interface {}{…}: json: …`), and its
// apiVersion and kind must be strings.
import { newBadRequest } from '../../api/errors.js';
import type { FieldError } from '../../api/field-errors.js';
import { fieldErrorString, invalid } from '../../api/field-errors.js';
import { goSyntax } from '../../api/go-format.js';
import { isPlainObject } from '../../api/types.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import { DecodeError, OBJECT_META, decodeAs } from './object-meta-decode.js';
import type { CRDSchema } from './schema.js';
import { additionalSchema, child, index, key } from './schema.js';

export interface MetaCoercion {
  /** Paths of the unknown metadata fields dropped, as `unknown field "<path>"` names them. */
  unknown: string[];
}

const decodeFailure = (kind: string, version: string, message: string): Error =>
  newBadRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${message}`);

/** Checks and strips `holder.metadata`; throws DecodeError; returns the unknown fields' paths under `metaPath`. */
function coerceMetadata(holder: Record<string, unknown>, metaPath: string): string[] {
  if (!Object.hasOwn(holder, 'metadata')) return [];
  const unknown: string[] = [];
  decodeAs(holder.metadata, OBJECT_META, { fields: [] }, '', unknown);
  for (const path of unknown) deletePath(holder.metadata, path);
  return unknown.map((path) => `${metaPath}.${path}`);
}

/** Deletes a decoded field path (`a.b`, `ownerReferences[0].foo`) from a value. */
function deletePath(root: unknown, path: string): void {
  const steps = path.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s));
  let at: unknown = root;
  for (const step of steps.slice(0, -1)) at = (at as Record<string | number, unknown> | undefined)?.[step];
  const last = steps[steps.length - 1];
  if (isPlainObject(at) && typeof last === 'string') delete at[last];
}

/**
 * The root metadata of a decoded custom resource, in place: throws the 400 StatusError for a
 * wrongly typed field, drops unknown fields and returns their paths.
 */
export function coerceObjectMeta(obj: Record<string, unknown>, kind: string, version: string): MetaCoercion {
  try {
    return { unknown: coerceMetadata(obj, 'metadata') };
  } catch (err) {
    if (err instanceof DecodeError) throw decodeFailure(kind, version, err.message);
    throw err;
  }
}

/** An embedded resource's apiVersion, kind and metadata: the first field error, if any. */
function coerceEmbedded(x: Record<string, unknown>, path: string, unknown: string[]): FieldError | undefined {
  for (const k of ['apiVersion', 'kind']) {
    if (Object.hasOwn(x, k) && typeof x[k] !== 'string') return invalid(child(path, k), x[k], 'must be a string');
  }
  const metadata = x.metadata;
  try {
    unknown.push(...coerceMetadata(x, child(path, 'metadata')));
  } catch (err) {
    if (err instanceof DecodeError) return { ...invalid(child(path, 'metadata'), null, err.message), rendered: goSyntax(metadata) };
    throw err;
  }
  return undefined;
}

/** Coerce's walk: the first field error below `x`, in document order. */
function walk(x: unknown, s: CRDSchema | undefined, path: string, unknown: string[]): FieldError | undefined {
  if (!s) return undefined;
  if (Array.isArray(x)) {
    for (const [i, v] of x.entries()) {
      const err = walk(v, s.items, index(path, i), unknown);
      if (err) return err;
    }
    return undefined;
  }
  if (!isPlainObject(x)) return undefined;
  const own = s['x-kubernetes-embedded-resource'] ? coerceEmbedded(x, path, unknown) : undefined;
  if (own) return own;
  for (const [k, v] of Object.entries(x)) {
    const declared = s.properties && Object.hasOwn(s.properties, k);
    const err = declared ? walk(v, s.properties?.[k], child(path, k), unknown) : walk(v, additionalSchema(s), key(path, k), unknown);
    if (err) return err;
  }
  return undefined;
}

/**
 * The metadata of the embedded resources in a decoded custom resource, in place (Coerce below
 * the root): throws the 400 StatusError naming the first bad field, drops unknown metadata
 * fields and returns their paths, sorted.
 */
export function coerceEmbeddedObjectMeta(obj: Record<string, unknown>, schema: Schema, kind: string, version: string): MetaCoercion {
  const unknown: string[] = [];
  const err = walk(obj, { ...(schema as CRDSchema), 'x-kubernetes-embedded-resource': false }, '', unknown);
  if (err) throw decodeFailure(kind, version, fieldErrorString(err));
  return { unknown: unknown.sort() };
}
