// Server-side apply (application/apply-patch+yaml), as merge.Updater.Apply and the apiserver
// field manager chain around it: merge the configuration into the live object, prune what the
// applier stopped applying and nobody else owns, refuse changes to other managers' fields unless
// forced (409 with one cause per field), and record ownership in managedFields.
import { newBadRequest } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { newApplyConflict, type ApplyConflict } from '../apply-conflict.js';
import type { PatchMeta } from '../patch-meta.js';
import { rfc3339 } from '../../api/time.js';
import { compare, fieldSetOf, jsonEqual, type Comparison } from './compare.js';
import { FieldSet, pathString } from './field-set.js';
import { buildLastApplied, LAST_APPLIED, lastAppliedFields } from './last-applied.js';
import {
  capUpdateManagers,
  decodeManagedFields,
  dropEmpty,
  managerKey,
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
  /** Metadata members this endpoint does not own, like resetFields (registry/resource.ts resetMetadata). */
  resetMetadata?: readonly string[];
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
  const config = withoutReset(applied, op);
  const subresource = op.subresource ?? '';
  const key = managerKey(op.manager, 'Apply', op.apiVersion, subresource);
  const previous = managers.get(key);
  const set = appliedSet(config, op, meta, previous?.set);
  managers.set(key, { manager: op.manager, operation: 'Apply', apiVersion: op.apiVersion, subresource, time: previous?.time, set });
  let merged = mergeApplied(base, config, meta) as KubeObject;
  // Applying the fields applied last time prunes nothing: every one of them is still owned (an
  // empty node that is not a member, which roundTrips rules out, would be pruned all the same).
  if (previous && !(set === previous.set && set.roundTrips())) merged = pruneUnowned(merged, previous.set, ownedByAll(managers), meta) as KubeObject;
  const c = compare(base, merged, meta);
  resolveConflicts(managers, key, c, op, lastAppliedFields(live, meta));
  for (const rec of managers.values()) rec.set = stripMeta(rec.set);
  const result = withOwnMetadata(merged);
  if (!jsonEqual(base, merged)) {
    const rec = managers.get(key);
    if (rec) rec.time = rfc3339(op.time);
  }
  if (op.manager === 'kubectl' && result.metadata.annotations?.[LAST_APPLIED] !== undefined) {
    result.metadata.annotations[LAST_APPLIED] = buildLastApplied(applied);
  }
  dropEmpty(managers);
  capUpdateManagers(managers);
  setManagedFields(result, managers);
  return result;
}

/**
 * The applier's new set: the fields the configuration names, less the reset fields. An applier
 * applying the same fields as last time (compared without the metadata nobody owns) keeps its
 * previous set, and the fieldsV1 encoded from it. A new set keeps that metadata until the sets
 * are stripped after pruning: pruning must see metadata.name owned, or an applier that stops
 * applying the last labels would prune metadata as a whole.
 */
function appliedSet(config: KubeObject, op: ApplyOp, meta: PatchMeta, previous: FieldSet | undefined): FieldSet {
  const set = withoutResetFields(fieldSetOf(config, meta), op.resetFields);
  return previous && stripMeta(set).equals(previous) ? previous : set;
}

/**
 * The merged object with metadata (and annotations) of its own, as the result's managedFields
 * and last-applied annotation are set there: the rest may share the live object's and the
 * configuration's subtrees, which the store copies before it changes anything.
 */
function withOwnMetadata(merged: KubeObject): KubeObject {
  const metadata = { ...merged.metadata };
  if (metadata.annotations) metadata.annotations = { ...metadata.annotations };
  return { ...merged, metadata };
}

/**
 * The configuration without what the endpoint does not own, which kube-apiserver leaves out of
 * the applier's fields and of the comparison, and the strategy then resets.
 */
function withoutReset(applied: KubeObject, op: ApplyOp): KubeObject {
  const reset = op.resetFields ?? [];
  const resetMetadata = op.resetMetadata ?? [];
  if (reset.length === 0 && resetMetadata.length === 0) return applied;
  const out: KubeObject = { ...applied };
  for (const field of reset) if (field !== 'metadata' && field !== 'apiVersion' && field !== 'kind') delete out[field];
  if (resetMetadata.length > 0) {
    out.metadata = { ...out.metadata };
    for (const name of resetMetadata) delete (out.metadata as Record<string, unknown>)[name];
  }
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
