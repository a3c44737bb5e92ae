// The managers last encoded, by the identities of their entries (who wrote, how and when), so
// the next write to an object decodes its managedFields without rebuilding the field sets. A hit
// is used only when the entries are exactly what was encoded; records are copied out, and field
// sets, never changed once built, are shared. Each encoding also keeps the last update recorded
// over it and the encoding that update gave: a writer writing the same fields again, as a
// controller or a script does, gets it without the bookkeeping.
import { isObj } from './compare.js';
import { LEAF, type FieldSet } from './field-set.js';
import type { ManagedFieldsEntry, Managers } from './managed-fields.js';

export interface Encoding {
  entries: ManagedFieldsEntry[];
  /** The field set each entry encodes. */
  sets: FieldSet[];
  managers: Managers;
  lastUpdate?: RecordedUpdate;
}

/** What an Update operation's bookkeeping depends on, besides the managers it starts from. */
export interface UpdateInput {
  /** The writer's identity (managerKey). */
  key: string;
  time: string;
  taken: FieldSet;
  removed: FieldSet;
}

export interface RecordedUpdate extends UpdateInput {
  /** What the update gave (its entries and records are never handed out: copies are). */
  gave: Encoding;
}

/** By the hash of the entries' identities: a lookup builds no string. Hits are checked entry by entry. */
const encodings = new Map<number, Encoding>();
const ENCODINGS_KEPT = 256;
/**
 * The encoding last found or remembered, tried before hashing: a writer writing one object again
 * and again sends the entries of the last write back.
 */
let latest: Encoding | undefined;

type Obj = Record<string, unknown>;


/** FNV-1a over a value's text and a separator. */
function hashValue(h: number, value: unknown): number {
  const text = typeof value === 'string' ? value : String(value);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return Math.imul(h ^ 10, 16777619);
}

/** The hash of who wrote each entry, how and when; undefined when an entry is not an object. */
function identityHash(entries: readonly unknown[]): number | undefined {
  let h = 2166136261;
  for (const e of entries) {
    if (!isObj(e)) return undefined;
    h = hashValue(hashValue(hashValue(hashValue(hashValue(h, e.manager), e.operation), e.apiVersion), e.time), e.subresource);
  }
  return h >>> 0;
}

/**
 * Keeps what `entries`, encoded from `sets` (one each), decode to (`managers`) for the next
 * recall of equal entries. Only sets that round-trip belong here.
 */
export function rememberEncoding(entries: ManagedFieldsEntry[], sets: FieldSet[], managers: Managers): Encoding {
  const hash = identityHash(entries) as number;
  encodings.delete(hash);
  if (encodings.size >= ENCODINGS_KEPT) encodings.delete(encodings.keys().next().value as number);
  // Copies of the entries: the object's own may be changed after this write.
  const encoding: Encoding = { entries: copies(entries), sets, managers };
  encodings.set(hash, encoding);
  latest = encoding;
  return encoding;
}

/** Entries for an object of their own: the entries are copied, their fieldsV1 trees shared. */
export function copies(entries: readonly ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  return entries.map((e) => ({ ...e }));
}

/** The encoding each recalled Managers came from, for encodedAgain. */
const recalledFrom = new WeakMap<Managers, Encoding>();

/** The encoding `entries` are, when they are entries last encoded; else undefined. */
export function findEncoding(entries: readonly unknown[]): Encoding | undefined {
  if (latest && sameEntries(entries, latest)) return latest;
  const hash = identityHash(entries);
  const known = hash === undefined ? undefined : encodings.get(hash);
  if (!known || !sameEntries(entries, known)) return undefined;
  latest = known;
  return known;
}

/** Whether the entries are those of the encoding. */
function sameEntries(entries: readonly unknown[], known: Encoding): boolean {
  if (known.entries.length !== entries.length) return false;
  for (let i = 0; i < entries.length; i++) if (!sameEntry(entries[i], known.entries[i], known.sets[i])) return false;
  return true;
}

/** The managers an encoding decodes to, as records of the caller's own. */
export function managersOf(known: Encoding): Managers {
  const out: Managers = new Map();
  for (const [key, rec] of known.managers) out.set(key, { ...rec });
  recalledFrom.set(out, known);
  return out;
}

/** The last update recorded over `known`, when `update` is the same one but for its time. */
export function sameUpdate(known: Encoding, update: UpdateInput): RecordedUpdate | undefined {
  const last = known.lastUpdate;
  return last && last.key === update.key && last.taken.equals(update.taken) && last.removed.equals(update.removed) ? last : undefined;
}

/**
 * The encoding `managers` were recalled from when they are still what they were recalled as
 * (every record the same, its set the very same set): most writes leave ownership as it was.
 * Undefined otherwise.
 */
export function encodedAgain(managers: Managers): Encoding | undefined {
  const known = recalledFrom.get(managers);
  if (!known || known.managers.size !== managers.size) return undefined;
  for (const [key, rec] of managers) {
    const was = known.managers.get(key);
    if (!was || was.set !== rec.set || was.time !== rec.time || was.manager !== rec.manager || was.operation !== rec.operation) return undefined;
    if (was.apiVersion !== rec.apiVersion || was.subresource !== rec.subresource) return undefined;
  }
  return known;
}

/**
 * Whether a request's entry is the one encoded from `set`. The keys looked up are the encoder's
 * (manager, fieldsV1, …), none of which an object inherits, so no own-property checks are needed.
 */
function sameEntry(entry: unknown, known: ManagedFieldsEntry, set: FieldSet): boolean {
  if (!isObj(entry)) return false;
  let count = 0;
  for (const key in known) {
    const value = entry[key];
    if (key === 'fieldsV1' ? !isObj(value) || !encodes(value, set) : value !== known[key as keyof ManagedFieldsEntry]) return false;
    count++;
  }
  for (const _ in entry) count--;
  return count === 0;
}

/**
 * Whether fieldsV1 decodes to `set`, read the way FieldSet.fromFieldsV1 reads it: `.` marks a
 * member, an empty object (or null) is a member leaf. Walks the request's objects once, looking
 * children up in the set, which is quicker than comparing with the encoded JSON. A tree that is
 * the set's own encoding needs no walk: in-process writers (controllers) send back the stored
 * object's trees, and a body that sends a live object's fieldsV1 text back gets its tree (body.ts).
 */
function encodes(fields: Obj, set: FieldSet): boolean {
  if (fields === set.toFieldsV1()) return true;
  let count = 0;
  for (const key in fields) {
    const value = fields[key] ?? LEAF;
    if (typeof value !== 'object') return false;
    if (key === '.') {
      if (!set.member) return false;
    } else {
      const child = set.children.get(key);
      if (!child || !encodes(value as Obj, child)) return false;
    }
    count++;
  }
  const size = set.children.size;
  return count === size + (set.member && size > 0 ? 1 : 0) && (size > 0 || set.member);
}
