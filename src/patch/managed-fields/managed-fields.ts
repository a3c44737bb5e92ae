// metadata.managedFields as k8s.io/apiserver's field manager keeps them: entries decoded into one
// field set per (manager, operation, apiVersion, subresource), the metadata paths nobody owns
// stripped, at most 10 Update entries (older ones merged into `ancient-changes`), and encoded
// back sorted as the API server sorts them. recordUpdate is the bookkeeping of an Update
// operation (create, update and every patch type but apply). It runs on every write, so the
// managers last encoded are kept (last-encoded.ts) to skip decoding the same entries again.
import type { KubeObject } from '../../api/types.js';
import type { PatchMeta } from '../patch-meta.js';
import { rfc3339 } from '../../api/time.js';
import { compare, isObj } from './compare.js';
import { STRIPPED_METADATA, STRIPPED_TOP, createdFieldsV1 } from './created-fields.js';
import { FieldSet, sortInPlace } from './field-set.js';
import { copies, encodedAgain, findEncoding, managersOf, rememberEncoding, sameUpdate, type Encoding, type RecordedUpdate, type UpdateInput } from './last-encoded.js';

export type Operation = 'Apply' | 'Update';

export interface ManagedFieldsEntry {
  manager: string;
  operation: Operation;
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** One manager's ownership; `time` is the RFC 3339 second-precision time of its last change. */
export interface ManagerRecord {
  manager: string;
  operation: Operation;
  apiVersion: string;
  subresource: string;
  time?: string;
  set: FieldSet;
}

/** Managers by identity: apply entries are one per manager whatever their apiVersion. */
export type Managers = Map<string, ManagerRecord>;

/** Who writes, and when. `manager` is the fieldManager parameter or the User-Agent prefix. */
export interface WriteOp {
  manager: string;
  apiVersion: string;
  subresource?: string;
  time: Date;
  /**
   * Top-level fields this endpoint does not own (the strategy's reset fields): `status` on the
   * main resource of kinds with a status subresource, `spec` on /status. An update's object holds
   * the live object's values there (the store puts them back), so they are not compared; so do
   * the metadata members a subresource does not own (registry/resource.ts resetMetadata), which
   * are therefore equal and need nothing here.
   */
  resetFields?: readonly string[];
}

export const MAX_UPDATE_MANAGERS = 10;
const ANCIENT_CHANGES = 'ancient-changes';

/**
 * One manager identity as a string: its parts joined by NUL, or, when a part holds a NUL itself,
 * their JSON (which writes NUL escaped), so two identities never share a key.
 */
export function managerKey(manager: string, operation: Operation, apiVersion: string, subresource: string): string {
  const version = operation === 'Apply' ? '' : apiVersion;
  if (manager.includes('\0') || version.includes('\0') || subresource.includes('\0')) return JSON.stringify([manager, operation, version, subresource]);
  return `${manager}\0${operation}\0${version}\0${subresource}`;
}

export function decodeManagedFields(entries: unknown): Managers {
  if (!Array.isArray(entries) || entries.length === 0) return new Map();
  const known = findEncoding(entries);
  return known ? managersOf(known) : decodeEntries(entries);
}

function decodeEntries(entries: readonly unknown[]): Managers {
  const managers: Managers = new Map();
  for (const e of entries) {
    if (!isEntry(e)) continue;
    const rec: ManagerRecord = {
      manager: typeof e.manager === 'string' ? e.manager : '',
      operation: e.operation,
      apiVersion: typeof e.apiVersion === 'string' ? e.apiVersion : '',
      subresource: typeof e.subresource === 'string' ? e.subresource : '',
      time: typeof e.time === 'string' ? e.time : undefined,
      set: FieldSet.fromFieldsV1(e.fieldsV1),
    };
    addRecord(managers, rec);
  }
  return managers;
}

/** Entries sorted as sortEncodedManagedFields: operation, time, manager, apiVersion, subresource. */
export function encodeManagedFields(managers: Managers): ManagedFieldsEntry[] {
  return encode(managers).entries;
}

/**
 * The entries, and the encoding remembered for them: the one the managers were recalled from
 * when they are as they were, else a new one (none when a set does not round-trip).
 */
function encode(managers: Managers): { entries: ManagedFieldsEntry[]; encoding?: Encoding } {
  const again = encodedAgain(managers);
  if (again) return { entries: copies(again.entries), encoding: again };
  const recs: ManagerRecord[] = [];
  for (const r of managers.values()) if (!r.set.isEmpty()) recs.push(r);
  sortInPlace(recs, compareRecords);
  const entries = recs.map((r) => {
    const entry: ManagedFieldsEntry = { manager: r.manager, operation: r.operation, apiVersion: r.apiVersion } as ManagedFieldsEntry;
    if (r.time) entry.time = r.time;
    entry.fieldsType = 'FieldsV1';
    entry.fieldsV1 = r.set.toFieldsV1();
    if (r.subresource) entry.subresource = r.subresource;
    return entry;
  });
  if (entries.length === 0 || !recs.every((r) => r.set.roundTrips())) return { entries };
  return { entries, encoding: rememberEncoding(entries, recs.map((r) => r.set), decodedFrom(recs)) };
}

function compareRecords(p: ManagerRecord, q: ManagerRecord): number {
  return cmp(p.operation, q.operation) || cmp(seconds(p.time), seconds(q.time)) || cmp(p.manager, q.manager) || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource, q.subresource);
}

/** Adds a decoded entry; entries of one manager identity merge. */
function addRecord(managers: Managers, rec: ManagerRecord): void {
  const key = managerKey(rec.manager, rec.operation, rec.apiVersion, rec.subresource);
  const prev = managers.get(key);
  managers.set(key, prev ? { ...rec, set: prev.set.union(rec.set) } : rec);
}

/** What decoding the entries encoded from `recs` gives back. */
function decodedFrom(recs: readonly ManagerRecord[]): Managers {
  const managers: Managers = new Map();
  for (const r of recs) {
    addRecord(managers, { manager: r.manager, operation: r.operation, apiVersion: r.apiVersion, subresource: r.subresource, time: r.time || undefined, set: r.set });
  }
  return managers;
}

function cmp<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Seconds of the times last read: entries mostly share a few times, and sorting reads each often. */
const secondsOfTime = new Map<string, number>();

function seconds(time: string | undefined): number {
  if (!time) return 0;
  let s = secondsOfTime.get(time);
  if (s === undefined) {
    if (secondsOfTime.size >= 256) secondsOfTime.clear();
    s = Math.floor(Date.parse(time) / 1000);
    secondsOfTime.set(time, s);
  }
  return s;
}

/** Paths the field manager never records (stripMetaManager). */
const STRIPPED = (() => {
  const set = new FieldSet();
  for (const f of STRIPPED_TOP) set.insert([`f:${f}`]);
  for (const f of STRIPPED_METADATA) set.insert(['f:metadata', `f:${f}`]);
  return set;
})();

export function stripMeta(set: FieldSet): FieldSet {
  return set.difference(STRIPPED);
}

/** The set without the subtrees of the reset top-level fields. */
export function withoutResetFields(set: FieldSet, reset: readonly string[] | undefined): FieldSet {
  if (!reset?.length) return set;
  return set.withoutChildren(reset.map((field) => `f:${field}`));
}

/** Drops managers that own nothing. */
export function dropEmpty(managers: Managers): void {
  for (const [key, rec] of managers) if (rec.set.isEmpty()) managers.delete(key);
}

/**
 * The managedFields an update starts from: the request's when it sets them (an empty list resets
 * them), else the live object's. Subresource writes always keep the live ones.
 */
function entriesForUpdate(old: KubeObject | undefined, next: KubeObject, subresource: string | undefined): readonly unknown[] {
  const live = Array.isArray(old?.metadata.managedFields) ? old.metadata.managedFields : [];
  if (subresource) return live;
  const requested = next.metadata.managedFields;
  if (!Array.isArray(requested)) return live;
  if (requested.length === 0 || (requested.length === 1 && isObj(requested[0]) && Object.keys(requested[0]).length === 0)) return [];
  return requested.some(isEntry) ? requested : live;
}

/** An entry decodeEntries reads (others are skipped). */
function isEntry(e: unknown): e is Record<string, unknown> & { operation: Operation } {
  return isObj(e) && (e.operation === 'Apply' || e.operation === 'Update');
}

/** The object without managedFields: what ownership is computed on. */
export function withoutManagedFields<T extends KubeObject>(obj: T): T {
  if (obj.metadata.managedFields === undefined) return obj;
  const { managedFields: _m, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/**
 * What an update compares: the object without managedFields and without the reset fields, which
 * the store has made equal to the live object's (status on the main resource, spec on /status) or
 * which the writer would not own anyway. Leaving them out spares walking a pod's status on every
 * spec write, and its spec on every status write.
 */
function comparedPart(obj: KubeObject, reset: readonly string[] | undefined): KubeObject {
  // Members set to undefined, which compare takes for absent: copying with them out is ~10x slower.
  const out: KubeObject = { ...obj, metadata: { ...obj.metadata, managedFields: undefined } };
  if (reset) for (const field of reset) out[field] = undefined;
  return out;
}

/**
 * The object a create is compared with: Go's zero value of the kind, where non-pointer structs
 * (spec, status and the required struct fields below them) exist, so they are not "added".
 */
export function zeroObject(obj: KubeObject, meta: PatchMeta): KubeObject {
  const zero: KubeObject = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: { creationTimestamp: null } };
  // An unstructured object starts empty: what a create sets in spec includes spec itself (`.`).
  if (meta.unstructured) return zero;
  for (const top of ['spec', 'status']) {
    if (meta.hasField(top) && meta.field(top).kind === 'struct') zero[top] = zeroStruct(meta.field(top));
  }
  return zero;
}

function zeroStruct(meta: PatchMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of meta.required) out[name] = meta.field(name).kind === 'struct' ? zeroStruct(meta.field(name)) : null;
  return out;
}

/**
 * Records an Update operation in `next.metadata.managedFields` (`old` undefined on create), as
 * takeOwnership says. The same update as the last one recorded over the same entries (same
 * writer, same fields taken and removed) gives what it gave, with the writer's new time.
 */
export function recordUpdate(old: KubeObject | undefined, next: KubeObject, op: WriteOp, meta: PatchMeta): void {
  const entries = entriesForUpdate(old, next, op.subresource);
  // A create's entries are the request's only when one of them is an entry (entriesForUpdate).
  if (old === undefined && entries.length === 0) return recordCreate(next, op, meta);
  const known = findEncoding(entries);
  const c = compare(comparedPart(old ?? zeroObject(next, meta), op.resetFields), comparedPart(next, op.resetFields), meta);
  const subresource = op.subresource ?? '';
  const update: UpdateInput = { key: managerKey(op.manager, 'Update', op.apiVersion, subresource), time: rfc3339(op.time), taken: stripMeta(c.changed), removed: c.removed };
  const repeated = known && sameUpdate(known, update);
  if (repeated && (repeated.time === update.time || update.taken.isEmpty())) return setEntries(next, copies(repeated.gave.entries));
  let managers: Managers;
  let capped = false;
  if (repeated) managers = retimed(repeated.gave.managers, update);
  else {
    managers = known ? managersOf(known) : decodeEntries(entries);
    capped = takeOwnership(managers, update, op);
  }
  const encoded = encode(managers);
  // Past the cap, which merges managers in the order of their times, a write at another time is
  // not shown to give the same entries retimed: nothing is recorded.
  if (encoded.encoding && !capped) {
    const recorded: RecordedUpdate = { ...update, gave: encoded.encoding };
    if (known) known.lastUpdate = recorded;
    // Over the entries it gave, the same update gives them again (bar the time): every step of
    // the bookkeeping leaves what it made as it is.
    encoded.encoding.lastUpdate = recorded;
  }
  setEntries(next, encoded.entries);
}

/**
 * The bookkeeping of an Update: the fields it added or changed move to the writer, every other
 * manager loses them and the fields it removed; the writer's entry gets the time only when it
 * took something. Empty managers are dropped, the oldest past the cap merged (returns whether
 * they were past it).
 */
function takeOwnership(managers: Managers, update: UpdateInput, op: WriteOp): boolean {
  const { key, taken, removed } = update;
  // The writer's own set is not first cut by what it takes (it gets it back below): a writer
  // changing fields it owns already keeps the same set, and its fieldsV1 encoding with it.
  for (const [k, rec] of managers) rec.set = stripMeta((k === key ? rec.set : rec.set.difference(taken)).difference(removed));
  if (!taken.isEmpty()) {
    const prev = managers.get(key);
    managers.set(key, { manager: op.manager, operation: 'Update', apiVersion: op.apiVersion, subresource: op.subresource ?? '', time: update.time, set: prev ? prev.set.union(taken) : taken });
  }
  dropEmpty(managers);
  return capUpdateManagers(managers);
}

/** The managers a recorded update gave, with the writer's time now `update.time`. */
function retimed(managers: Managers, update: UpdateInput): Managers {
  const out: Managers = new Map(managers);
  const writer = managers.get(update.key);
  if (writer) out.set(update.key, { ...writer, time: update.time });
  return out;
}

/** recordUpdate of a create that no manager owned anything before: the writer's entry alone, written in one walk. */
function recordCreate(next: KubeObject, op: WriteOp, meta: PatchMeta): void {
  const fieldsV1 = createdFieldsV1(zeroObject(next, meta), withoutManagedFields(next), meta, op.resetFields);
  if (!fieldsV1) {
    delete next.metadata.managedFields;
    return;
  }
  const entry: ManagedFieldsEntry = { manager: op.manager, operation: 'Update', apiVersion: op.apiVersion, time: rfc3339(op.time), fieldsType: 'FieldsV1', fieldsV1 };
  if (op.subresource) entry.subresource = op.subresource;
  next.metadata.managedFields = [entry];
}

export function setManagedFields(obj: KubeObject, managers: Managers): void {
  setEntries(obj, encodeManagedFields(managers));
}

function setEntries(obj: KubeObject, entries: ManagedFieldsEntry[]): void {
  if (entries.length > 0) obj.metadata.managedFields = entries;
  else delete obj.metadata.managedFields;
}

/**
 * kube-apiserver's name of a manager (BuildManagerIdentifier): its entry without time and fields,
 * as Go's encoding/json writes it (members in the struct's order, empty ones left out, <, > and &
 * escaped, \b and \f as \u escapes). The cap orders managers of the same second by it, as bytes.
 */
function managerIdentifier(rec: ManagerRecord): string {
  const entry: Record<string, string> = {};
  if (rec.manager) entry.manager = rec.manager;
  entry.operation = rec.operation;
  if (rec.apiVersion && rec.operation !== 'Apply') entry.apiVersion = rec.apiVersion;
  if (rec.subresource) entry.subresource = rec.subresource;
  return JSON.stringify(entry).replace(/\\[\\"\/bfnrtu]|[<>&\u2028\u2029]/g, goEscape);
}

function goEscape(text: string): string {
  if (text === '\\b') return '\\u0008';
  if (text === '\\f') return '\\u000c';
  if (text.length === 2) return text;
  return `\\u${text.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Merges the oldest Update entries, per apiVersion, into `ancient-changes` past the cap; whether they were past it. */
export function capUpdateManagers(managers: Managers, max = MAX_UPDATE_MANAGERS): boolean {
  let updates = 0;
  for (const r of managers.values()) if (r.operation === 'Update') updates++;
  if (updates <= max) return false;
  const identifiers = new Map<ManagerRecord, Buffer>();
  for (const r of managers.values()) if (r.operation === 'Update') identifiers.set(r, Buffer.from(managerIdentifier(r)));
  const updaters = [...managers.entries()].filter(([, r]) => identifiers.has(r));
  updaters.sort(([, a], [, b]) => cmp(seconds(a.time), seconds(b.time)) || Buffer.compare(identifiers.get(a) as Buffer, identifiers.get(b) as Buffer));
  const firstByVersion = new Map<string, string>();
  let count = updaters.length;
  for (const [key, rec] of updaters) {
    if (count <= max) break;
    const first = firstByVersion.get(rec.apiVersion);
    if (first === undefined) {
      firstByVersion.set(rec.apiVersion, key);
      continue;
    }
    const bucketKey = managerKey(ANCIENT_CHANGES, 'Update', rec.apiVersion, '');
    let bucket = managers.get(bucketKey);
    if (!bucket) {
      const firstRec = managers.get(first) as ManagerRecord;
      managers.delete(first);
      bucket = { ...firstRec, manager: ANCIENT_CHANGES, subresource: '' };
    }
    managers.set(bucketKey, { ...bucket, set: rec.set.union(bucket.set), time: rec.time });
    managers.delete(key);
    count--;
  }
  return true;
}
