// Shared by the per-kind validation tables: build a defaulted object, render errors as the
// apiserver's aggregate message prints them.
import type { KubeObject } from '../../../../src/api/types.js';
import { fieldErrorString, type FieldError } from '../../../../src/api/field-errors.js';
import { applyDefaults } from '../../../../src/defaulting/apply-defaults.js';

export function defaulted(group: string, kind: string, body: Record<string, unknown>, version = 'v1'): KubeObject {
  const obj = structuredClone({ metadata: { name: 'x', namespace: 'default' }, ...body }) as KubeObject;
  applyDefaults({ group, version, kind }, obj);
  return obj;
}

export const render = (errs: FieldError[]): string[] => errs.map(fieldErrorString);

/** Sets a value at a dotted path (numeric segments index arrays), creating objects on the way. */
export function set(root: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
