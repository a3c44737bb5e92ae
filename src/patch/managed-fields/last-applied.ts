// Client-side apply's annotation under server-side apply (apiserver's lastAppliedManager and
// lastAppliedUpdater): a kubectl applier may take over the fields its last-applied
// configuration names without a conflict, and `kubectl` keeps the annotation in step.
import { setMember, type KubeObject } from '../../api/types.js';
import type { PatchMeta } from '../patch-meta.js';
import { fieldSetOf, isObj } from './compare.js';
import type { FieldSet } from './field-set.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The fields the live object's last-applied configuration names, if it has one. */
export function lastAppliedFields(live: KubeObject | undefined, meta: PatchMeta): FieldSet | undefined {
  const text = live?.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    return fieldSetOf(JSON.parse(text) as unknown, meta);
  } catch {
    return undefined;
  }
}

/** The annotation value kubectl's server-side apply leaves: the configuration without it, as Go encodes. */
export function buildLastApplied(applied: KubeObject): string {
  const copy = structuredClone(applied);
  const annotations = copy.metadata?.annotations;
  if (annotations) delete annotations[LAST_APPLIED];
  return `${goJSON(copy)}\n`;
}

/** encoding/json of a decoded value: map keys sorted, `<`, `>`, `&` and U+2028/9 escaped. */
export function goJSON(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObj(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) setMember(out, key, sortKeys(value[key]));
  return out;
}
