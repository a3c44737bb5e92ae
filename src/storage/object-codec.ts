// Objects ↔ bytes. An object is kept, stored and served as its whole JSON with
// metadata.resourceVersion set to the revision of the write (the in-process backends assign it
// before committing). A backend that cannot know the revision beforehand (etcd) stores the JSON
// without resourceVersion, as kube-apiserver's etcd3 store does; decoding sets it from the revision.
// A list item is the same JSON without apiVersion and kind (typed lists carry them once, on the
// list), which is `{` and the whole JSON from the member after them.
//
// An object is serialized once, in parts, written straight into the output bytes: the JSON for a
// revision is then a concatenation of the same parts around the resourceVersion member. The bytes
// of a managedFields list are written once and found again by the next version that has the same
// entries (most writes leave ownership as it was): the cache keeps such a version in parts that
// share them (at() gives parts), so an update of an object whose managedFields outweigh the rest of it
// copies and keeps only the rest.
import { fieldsV1Bytes } from '../api/fields-v1-bytes.js';
import { setMember, type KubeObject, type ObjectMeta } from '../api/types.js';
import type { JSONBytes } from './json-bytes.js';

const decoder = new TextDecoder();

/**
 * ObjectMeta's fields in Go's field order, which is the order kube-apiserver writes them in for
 * built-in kinds, around resourceVersion (fields of neither list, which the schema would have
 * dropped, follow).
 */
const BEFORE_RESOURCE_VERSION = ['name', 'generateName', 'namespace', 'selfLink', 'uid'];
const AFTER_RESOURCE_VERSION = [
  'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields',
];
const OBJECT_META_FIELDS = new Set([...BEFORE_RESOURCE_VERSION, 'resourceVersion', ...AFTER_RESOURCE_VERSION]);

export interface EncodedObject {
  /** The JSON without resourceVersion, for a backend that cannot know the revision (made when read). */
  readonly unrevisioned: Uint8Array;
  /**
   * The whole object's JSON at a revision: one buffer, or, when its managedFields bytes are an
   * earlier version's, parts that share them.
   */
  at(revision: number): JSONBytes;
  /** Where the members after apiVersion and kind start in at()'s bytes (see StoredObject.itemOffset). */
  readonly itemOffset: number;
}

/** The members of a serialized JSON object, without its braces ('' for `{}`). */
const members = (json: string): string => json.slice(1, -1);

/**
 * The object is serialized into pieces (JSON.stringify's own strings and small literals) that
 * are written straight into the output bytes: joining them into one string first would copy every
 * byte once more.
 */
export function encodeObject(obj: KubeObject): EncodedObject {
  const { apiVersion, kind, metadata, ...rest } = obj;
  const [before, after] = splitAtResourceVersion(metadata ?? {});
  const type = typeMembers(kind, apiVersion);
  return new SerializedObject(type === '' ? '{' : `{${type},`, members(JSON.stringify(before)), metadataPieces(after), members(JSON.stringify(rest)));
}

/**
 * An object serialized in pieces. A class, not an object literal with a getter: a literal whose
 * getter closes over the call's variables gets a hidden class of its own on every call, and V8
 * keeps hidden classes in the old generation until a full GC (~1 KB per write).
 */
class SerializedObject implements EncodedObject {
  readonly itemOffset: number;
  readonly #head: string;
  readonly #beforeMembers: string;
  readonly #afterPieces: Piece[];
  readonly #restMembers: string;
  #unrevisioned: Uint8Array | undefined;

  constructor(head: string, beforeMembers: string, afterPieces: Piece[], restMembers: string) {
    this.itemOffset = Buffer.byteLength(head);
    this.#head = head;
    this.#beforeMembers = beforeMembers;
    this.#afterPieces = afterPieces;
    this.#restMembers = restMembers;
    this.#unrevisioned = undefined;
  }

  get unrevisioned(): Uint8Array {
    this.#unrevisioned ??= writePieces(this.#withResourceVersion(''));
    return this.#unrevisioned;
  }

  at(revision: number): JSONBytes {
    return this.#written(this.#withResourceVersion(`"resourceVersion":"${revision}"`));
  }

  /** The pieces' bytes, around the managedFields bytes of an earlier version when there are. */
  #written(pieces: Piece[]): JSONBytes {
    const i = pieces.findIndex((p) => p instanceof ManagedFieldsJSON && p.sharedBytes !== undefined);
    if (i < 0) return writePieces(pieces);
    const before = pieces.slice(0, i);
    const rest = writePieces([...before, ...pieces.slice(i + 1)]);
    const cut = byteLengthOf(before);
    return [rest.subarray(0, cut), (pieces[i] as ManagedFieldsJSON).sharedBytes as Uint8Array, rest.subarray(cut)];
  }

  #withResourceVersion(resourceVersion: string): Piece[] {
    const rest = this.#restMembers;
    const meta = [this.#beforeMembers, resourceVersion].filter((m) => m !== '').join(',');
    const pieces: Piece[] = [`${this.#head}"metadata":{`, meta];
    if (this.#afterPieces.length > 0) pieces.push(meta === '' ? '' : ',', ...this.#afterPieces);
    pieces.push(rest === '' ? '}}' : '},', rest, rest === '' ? '' : '}');
    return pieces;
  }
}

/** JSON text, its UTF-8 bytes when they are kept (fieldsV1 trees), or a managedFields list. */
type Piece = string | Uint8Array | ManagedFieldsJSON;

function byteLengthOf(pieces: readonly Piece[]): number {
  let length = 0;
  for (const piece of pieces) length += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength;
  return length;
}

/** The UTF-8 bytes of the pieces' concatenation, written piece by piece into one buffer. */
function writePieces(pieces: readonly Piece[]): Buffer {
  const out = Buffer.allocUnsafeSlow(byteLengthOf(pieces));
  writeInto(out, 0, pieces);
  return out;
}

/** Writes the pieces into `out` from `at`; returns where they end. */
function writeInto(out: Buffer, at: number, pieces: readonly Piece[]): number {
  for (const piece of pieces) {
    if (typeof piece === 'string') at += out.write(piece, at);
    else if (piece instanceof ManagedFieldsJSON) at = piece.writeInto(out, at);
    else {
      out.set(piece, at);
      at += piece.length;
    }
  }
  return at;
}

/** Metadata members as pieces: JSON.stringify(meta) without braces, managedFields as ManagedFieldsJSON. */
function metadataPieces(meta: ObjectMeta): Piece[] {
  const pieces: Piece[] = [];
  for (const field in meta) {
    const value = meta[field];
    if (value === undefined) continue;
    const key = `${pieces.length > 0 ? ',' : ''}${JSON.stringify(field)}:`;
    if (field === 'managedFields' && Array.isArray(value)) pieces.push(key, ManagedFieldsJSON.of(value));
    else pieces.push(key + JSON.stringify(value));
  }
  return pieces;
}

/**
 * The managedFields bytes last written, by the first entry's fieldsV1 tree, with the members of
 * the entries they were written from (keys and values in order, END_OF_ENTRY after each entry).
 */
const writtenManagedFields = new WeakMap<object, { members: unknown[]; bytes: Uint8Array }>();
const END_OF_ENTRY = Symbol('end of entry');

/**
 * A managedFields list's JSON: the bytes an earlier write wrote for the same entries (sharedBytes),
 * or pieces written on the first write, whose bytes are then kept for the versions after it.
 */
class ManagedFieldsJSON {
  readonly sharedBytes: Uint8Array | undefined;
  readonly #pieces: readonly Piece[];
  /** Where the bytes are kept for later versions once written: the first tree, and the entries' members now. */
  readonly #key: object | undefined;
  readonly #members: unknown[] | undefined;
  #bytes: Uint8Array | undefined;

  private constructor(entries: readonly unknown[], key: object | undefined, sharedBytes: Uint8Array | undefined) {
    this.sharedBytes = sharedBytes;
    this.#bytes = sharedBytes;
    this.#pieces = sharedBytes ? [] : managedFieldsPieces(entries);
    this.#key = key;
    this.#members = sharedBytes || !key ? undefined : membersOf(entries);
  }

  static of(entries: readonly unknown[]): ManagedFieldsJSON {
    const key = cacheKey(entries);
    const written = key && writtenManagedFields.get(key);
    if (!written || !sameMembers(entries, written.members)) return new ManagedFieldsJSON(entries, key, undefined);
    // Bytes first kept as a view of a version much bigger than them are copied when first
    // shared: every later version would keep that whole buffer alive with them.
    if (written.bytes.buffer.byteLength > 2 * written.bytes.byteLength) written.bytes = new Uint8Array(written.bytes);
    return new ManagedFieldsJSON(entries, key, written.bytes);
  }

  get byteLength(): number {
    return this.#bytes?.length ?? byteLengthOf(this.#pieces);
  }

  /**
   * Writes the bytes into `out` from `at`; the first write keeps them (a view of `out`) for later
   * versions. Most objects are never updated with the same entries: no copy is made for them.
   */
  writeInto(out: Buffer, at: number): number {
    if (this.#bytes) {
      out.set(this.#bytes, at);
      return at + this.#bytes.length;
    }
    const end = writeInto(out, at, this.#pieces);
    this.#bytes = out.subarray(at, end);
    if (this.#key && this.#members) writtenManagedFields.set(this.#key, { members: this.#members, bytes: this.#bytes });
    return end;
  }
}

/** The first entry's fieldsV1 tree, which the bytes of a list are found by. */
function cacheKey(entries: readonly unknown[]): object | undefined {
  const first = entries[0];
  const tree = typeof first === 'object' && first !== null ? (first as Record<string, unknown>).fieldsV1 : undefined;
  return typeof tree === 'object' && tree !== null ? tree : undefined;
}

/**
 * The entries' members in order, as managedFieldsPieces writes them; undefined when an entry is
 * not an object or holds an object other than its fieldsV1 tree (only trees are known never to
 * change in place, so only they can be matched by identity).
 */
function membersOf(entries: readonly unknown[]): unknown[] | undefined {
  const members: unknown[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
    for (const [key, value] of Object.entries(entry)) {
      if (value === undefined) continue;
      if (typeof value === 'object' && value !== null && key !== 'fieldsV1') return undefined;
      members.push(key, value);
    }
    members.push(END_OF_ENTRY);
  }
  return members;
}

function sameMembers(entries: readonly unknown[], members: readonly unknown[]): boolean {
  let i = 0;
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
    for (const key in entry) {
      if (!Object.hasOwn(entry, key)) continue;
      const value = (entry as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (members[i] !== key || members[i + 1] !== value) return false;
      i += 2;
    }
    if (members[i++] !== END_OF_ENTRY) return false;
  }
  return i === members.length;
}

function managedFieldsPieces(entries: readonly unknown[]): Piece[] {
  const pieces: Piece[] = ['['];
  entries.forEach((entry, i) => {
    const open = i > 0 ? ',' : '';
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      pieces.push(open + (JSON.stringify(entry) ?? 'null'));
      return;
    }
    let text = `${open}{`;
    let first = true;
    for (const [key, value] of Object.entries(entry)) {
      if (value === undefined) continue;
      text += `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      if (key === 'fieldsV1' && typeof value === 'object' && value !== null) {
        pieces.push(text, fieldsV1Bytes(value));
        text = '';
      } else text += JSON.stringify(value);
    }
    pieces.push(`${text}}`);
  });
  pieces.push(']');
  return pieces;
}

/** Metadata fields before resourceVersion and after it, in Go's order; resourceVersion itself dropped. */
function splitAtResourceVersion(meta: ObjectMeta): [ObjectMeta, ObjectMeta] {
  const before = pick(meta, BEFORE_RESOURCE_VERSION, {});
  const after = pick(meta, AFTER_RESOURCE_VERSION, {});
  for (const field in meta) if (!OBJECT_META_FIELDS.has(field)) setMember(after, field, meta[field]);
  return [before, after];
}

/** `into` with meta's `fields`, those it has, added in that order. */
function pick(meta: ObjectMeta, fields: readonly string[], into: ObjectMeta): ObjectMeta {
  for (const field of fields) if (Object.hasOwn(meta, field)) into[field] = meta[field];
  return into;
}

/** The object stored as `bytes` at `revision` (with or without its resourceVersion inside). */
export function decodeObject(bytes: JSONBytes, revision: number): KubeObject {
  const obj = parseObject(bytes);
  obj.metadata = metadataWithResourceVersion(obj.metadata ?? {}, revision);
  return obj;
}

/** The object whose whole JSON (resourceVersion included) is `json`. */
export function parseObject(json: JSONBytes): KubeObject {
  if (json instanceof Uint8Array) return JSON.parse(decoder.decode(json)) as KubeObject;
  let text = '';
  for (const part of json) text += decoder.decode(part, { stream: true });
  return JSON.parse(text + decoder.decode()) as KubeObject;
}

/** The members `"kind":…,"apiVersion":…` of a type, per type ('' when both are unset). */
const typeMembersCache = new Map<string, string>();

function typeMembers(kind: string | undefined, apiVersion: string | undefined): string {
  const id = `${kind ?? ''} ${apiVersion ?? ''}`;
  let out = typeMembersCache.get(id);
  if (out === undefined) {
    out = members(JSON.stringify({ kind, apiVersion }));
    typeMembersCache.set(id, out);
  }
  return out;
}

/** A copy of obj (sharing everything but the top level and metadata) at another revision. */
export function withResourceVersion(obj: KubeObject, revision: number): KubeObject {
  return { ...obj, metadata: metadataWithResourceVersion(obj.metadata, revision) };
}

function metadataWithResourceVersion(meta: ObjectMeta, revision: number): ObjectMeta {
  const [before, after] = splitAtResourceVersion(meta);
  return { ...before, resourceVersion: String(revision), ...after };
}
