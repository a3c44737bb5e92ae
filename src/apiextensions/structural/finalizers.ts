// The warnings a custom resource's finalizers get (apiextensions-apiserver customResourceStrategy
// WarningsOnCreate/WarningsOnUpdate, validateKubeFinalizerName): each finalizer the write adds,
// in sorted order, that is not a qualified name, and each without a `/` domain prefix other than
// the standard ones (kubernetes, orphan, foregroundDeletion).
import { isPlainObject } from '../../api/types.js';
import { isQualifiedName } from '../../validation/names.js';

const FIELD = 'metadata.finalizers';
const STANDARD = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function finalizersOf(obj: unknown): string[] {
  const meta = isPlainObject(obj) ? obj.metadata : undefined;
  const finalizers = isPlainObject(meta) ? meta.finalizers : undefined;
  return Array.isArray(finalizers) ? finalizers.filter((f): f is string => typeof f === 'string') : [];
}

/** The finalizer warnings of a create (`old` undefined) or an update, for the finalizers it adds. */
export function finalizerWarnings(obj: unknown, old?: unknown): string[] {
  const before = new Set(finalizersOf(old));
  const added = [...new Set(finalizersOf(obj))].filter((f) => !before.has(f)).sort();
  const warnings: string[] = [];
  for (const f of added) {
    const quoted = JSON.stringify(f);
    for (const msg of isQualifiedName(f)) warnings.push(`${FIELD}: ${quoted}: ${msg}`);
    if (!f.includes('/') && !STANDARD.has(f)) {
      warnings.push(`${FIELD}: ${quoted}: prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers`);
    }
  }
  return warnings;
}
