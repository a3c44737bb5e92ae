// Objects ↔ bytes. An object is kept, stored and served as one buffer: its whole JSON with
// metadata.resourceVersion set to the revision of the write (the in-process backends assign it
// before committing). A backend that cannot know the revision beforehand (etcd) stores the JSON
// without resourceVersion, as kube-apiserver's etcd3 store does; decoding sets it from the revision.
// A list item is the same JSON without apiVersion and kind (typed lists carry them once, on the
// list), which is `{` and the whole JSON from the member after them.
//
// An object is serialized once, in parts, written straight into the output bytes: the JSON for a
// revision is then a concatenation of the same parts around the resourceVersion member.
import { setMember, type KubeObject, type ObjectMeta } from '../api/types.js';

const encoder = new TextEncoder();
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
  /** The whole object's JSON at a revision. */
  at(revision: number): Buffer;
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

  at(revision: number): Buffer {
    return writePieces(this.#withResourceVersion(`"resourceVersion":"${revision}"`));
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

/** JSON text, or its UTF-8 bytes when they are kept (fieldsV1 trees). */
type Piece = string | Uint8Array;

/** The UTF-8 bytes of the pieces' concatenation, written piece by piece into one buffer. */
function writePieces(pieces: readonly Piece[]): Buffer {
  let length = 0;
  for (const piece of pieces) length += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
  const out = Buffer.allocUnsafeSlow(length);
  let at = 0;
  for (const piece of pieces) {
    if (typeof piece === 'string') at += out.write(piece, at);
    else {
      out.set(piece, at);
      at += piece.length;
    }
  }
  return out;
}

/** Metadata members as pieces: JSON.stringify(meta) without braces, fieldsV1 trees from fieldsV1JSON. */
function metadataPieces(meta: ObjectMeta): Piece[] {
  const pieces: Piece[] = [];
  for (const field in meta) {
    const value = meta[field];
    if (value === undefined) continue;
    const key = `${pieces.length > 0 ? ',' : ''}${JSON.stringify(field)}:`;
    if (field === 'managedFields' && Array.isArray(value)) pieces.push(key, ...managedFieldsPieces(value));
    else pieces.push(key + JSON.stringify(value));
  }
  return pieces;
}

/**
 * The JSON bytes of each fieldsV1 tree, per tree. A manager whose fields did not change keeps the
 * same tree from write to write (the field manager shares them), and objects handed to storage
 * are never changed afterwards, so a tree is serialized once instead of on every write.
 */
const fieldsV1Bytes = new WeakMap<object, Uint8Array>();

function fieldsV1JSON(tree: object): Uint8Array {
  let bytes = fieldsV1Bytes.get(tree);
  if (bytes === undefined) {
    bytes = encoder.encode(JSON.stringify(tree));
    fieldsV1Bytes.set(tree, bytes);
  }
  return bytes;
}

function managedFieldsPieces(entries: unknown[]): Piece[] {
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
        pieces.push(text, fieldsV1JSON(value));
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
export function decodeObject(bytes: Uint8Array, revision: number): KubeObject {
  const obj = parseObject(bytes);
  obj.metadata = metadataWithResourceVersion(obj.metadata ?? {}, revision);
  return obj;
}

/** The object whose whole JSON (resourceVersion included) is `json`. */
export function parseObject(json: Uint8Array): KubeObject {
  return JSON.parse(decoder.decode(json)) as KubeObject;
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
