// Walks a custom resource for x-kubernetes-validations: the rules of every schema node run on the
// value there, with the correlated old value as oldSelf. Subtrees without rules are skipped.
// Ratcheting as apiextensions does it: a failed rule that does not read oldSelf is a warning when
// its value (or, where the value has no old counterpart, the nearest correlated ancestor) is
// unchanged.
import type { FieldError } from '../../api/field-errors.js';
import { fieldErrorString } from '../../api/field-errors.js';
import { isPlainObject } from '../../api/types.js';
import { runRules } from './cel-rules.js';
import type { Correlated } from './correlation.js';
import { fieldCorrelation, itemCorrelations, unchanged } from './correlation.js';
import type { CRDSchema } from './schema.js';
import { additionalSchema, child, index, key, memberSchemas } from './schema.js';

export interface RuleResults {
  errors: FieldError[];
  warnings: string[];
}

const withRules = new WeakMap<CRDSchema, boolean>();

/** Whether a schema node or anything below it has x-kubernetes-validations. */
export function hasRules(s: CRDSchema): boolean {
  let has = withRules.get(s);
  if (has === undefined) {
    has = Boolean(s['x-kubernetes-validations']?.length) || memberSchemas(s).some(hasRules);
    withRules.set(s, has);
  }
  return has;
}

type Lazy = () => boolean;

function memo(f: Lazy): Lazy {
  let value: boolean | undefined;
  return () => (value ??= f());
}

function runNode(s: CRDSchema, v: unknown, c: Correlated | undefined, path: string, ratchet: Lazy, out: RuleResults): void {
  for (const { error, ratchetable } of runRules(s, v, c?.old, path)) {
    if (ratchetable && ratchet()) out.warnings.push(fieldErrorString(error));
    else out.errors.push(error);
  }
}

/** Appends the rule failures of `v` and everything below it; `parentRatchet` is the nearest correlated ancestor's. */
export function walkRules(s: CRDSchema, v: unknown, c: Correlated | undefined, path: string, parentRatchet: Lazy, out: RuleResults): void {
  if (v === null || v === undefined || !hasRules(s)) return;
  const ratchet = c ? memo(() => unchanged(v, c)) : parentRatchet;
  if (s['x-kubernetes-validations']?.length) runNode(s, v, c, path, ratchet, out);
  if (Array.isArray(v) && s.items) {
    const items = s.items;
    const olds = itemCorrelations(s, v, c);
    v.forEach((item, i) => walkRules(items, item, olds[i], index(path, i), ratchet, out));
  } else if (isPlainObject(v)) {
    const additional = additionalSchema(s);
    for (const [k, value] of Object.entries(v)) {
      if (s.properties && Object.hasOwn(s.properties, k)) walkRules(s.properties[k], value, fieldCorrelation(c, k), child(path, k), ratchet, out);
      else if (additional) walkRules(additional, value, fieldCorrelation(c, k), key(path, k), ratchet, out);
    }
  }
}
