// Server-side apply (application/apply-patch+yaml), as merge.Updater.Apply and the apiserver
// field manager chain around it: merge the configuration into the live object, prune what the
// applier stopped applying and nobody else owns, refuse changes to other managers' fields unless
// forced (409 with one cause per field), and record ownership in managedFields.
import { newBadRequest } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { newApplyConflict, type ApplyConflict } from '../apply-conflict.js';
import type { PatchMeta } from '../patch-meta.js';
import { compare, fieldSetOf, jsonEqual, type Comparison } from './compare.js';
import { FieldSet, pathString } from './field-set.js';
import { buildLastApplied, LAST_APPLIED, lastAppliedFields } from './last-applied.js';
import {
  capUpdateManagers,
  decodeManagedFields,
  dropEmpty,
  managerKey,
  rfc3339Seconds,
  setManagedFields,
  stripMeta,
  withoutManagedFields,
  withoutResetFields,
  zeroObject,
  type Managers,
  type WriteOp,
} from './managed-fields.js';
import { mergeApplied, pruneUnowned } from './merge.js';

export interface ApplyOp extends WriteOp {
  /** `?force=true`: take the conflicting fields from their managers. */
  force: boolean;
}

/**
 * Applies `applied` (the decoded configuration) to `live` (undefined: apply creates it) and
 * returns the new object with its managedFields. Neither argument is modified. Throws a
 * StatusError: 409 Conflict, or 400 when the configuration carries managedFields.
 */
export function serverSideApply(live: KubeObject | undefined, applied: KubeObject, op: ApplyOp, meta: PatchMeta): KubeObject {
  if (applied.metadata?.managedFields !== undefined) throw newBadRequest('metadata.managedFields must be nil');
  const managers = decodeManagedFields(live?.metadata.managedFields);
  const base = withoutManagedFields(live ?? zeroObject(applied, meta));
  const config = withoutReset(applied, op.resetFields);
  const subresource = op.subresource ?? '';
  const key = managerKey(op.manager, 'Apply', op.apiVersion, subresource);
  const previous = managers.get(key);
  managers.set(key, { manager: op.manager, operation: 'Apply', apiVersion: op.apiVersion, subresource, time: previous?.time, set: withoutResetFields(fieldSetOf(config, meta), op.resetFields) });
  let merged = mergeApplied(base, config, meta) as KubeObject;
  if (previous) merged = pruneUnowned(merged, previous.set, ownedByAll(managers), meta) as KubeObject;
  const c = compare(base, merged, meta);
  resolveConflicts(managers, key, c, op, lastAppliedFields(live, meta));
  for (const rec of managers.values()) rec.set = stripMeta(rec.set);
  const result = structuredClone(merged);
  if (!jsonEqual(base, merged)) {
    const rec = managers.get(key);
    if (rec) rec.time = rfc3339Seconds(op.time);
  }
  if (op.manager === 'kubectl' && result.metadata.annotations?.[LAST_APPLIED] !== undefined) {
    result.metadata.annotations[LAST_APPLIED] = buildLastApplied(applied);
  }
  dropEmpty(managers);
  capUpdateManagers(managers);
  setManagedFields(result, managers);
  return result;
}

function withoutReset(applied: KubeObject, reset: readonly string[] | undefined): KubeObject {
  if (!reset?.length) return applied;
  const out: KubeObject = { ...applied };
  for (const field of reset) if (field !== 'metadata' && field !== 'apiVersion' && field !== 'kind') delete out[field];
  return out;
}

function ownedByAll(managers: Managers): FieldSet {
  let owned = new FieldSet();
  for (const rec of managers.values()) owned = owned.union(rec.set);
  return owned;
}

/**
 * Other managers owning a field this apply changes are conflicts: refused unless forced (or
 * allowed by a kubectl applier's last-applied annotation), else those fields move to the
 * applier. Fields the apply removed leave every other manager.
 */
function resolveConflicts(managers: Managers, applier: string, c: Comparison, op: ApplyOp, allowed: FieldSet | undefined): void {
  const conflicts: ApplyConflict[] = [];
  for (const [key, rec] of managers) {
    if (key === applier) continue;
    let owned = stripMeta(rec.set.intersection(c.changed));
    if (allowed && op.manager.startsWith('kubectl')) owned = owned.difference(allowed);
    const manager = { manager: rec.manager, operation: rec.operation, apiVersion: rec.apiVersion, subresource: rec.subresource, time: rec.time };
    for (const path of owned.paths()) conflicts.push({ manager, field: pathString(path) });
  }
  if (conflicts.length > 0 && !op.force) throw newApplyConflict(conflicts);
  for (const [key, rec] of managers) {
    if (key !== applier) rec.set = rec.set.difference(c.changed).difference(c.removed);
  }
}
