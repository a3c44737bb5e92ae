// Objects ↔ bytes. Stored values are the object's JSON without metadata.resourceVersion (the
// revision is the resourceVersion, as in kube-apiserver's etcd3 store); decoding sets it again.
// What the cache serves is the list-item form: resourceVersion set, apiVersion and kind left out
// (typed lists carry them once, on the list); a whole object is that with its type put in front.
//
// An object being written is serialized once, in parts, because its served JSON needs the
// resourceVersion the write is given only after the stored bytes are sent: both forms are then
// string concatenations of the same parts.
import type { KubeObject, ObjectMeta } from '../api/types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** ObjectMeta fields that follow resourceVersion in Go's field order (what clients see). */
const AFTER_RESOURCE_VERSION = new Set([
  'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields',
]);

export interface EncodedObject {
  /** The bytes a backend stores (written when first read: re-encoding for an item needs none). */
  readonly stored: Uint8Array;
  /** The list-item JSON of the object at a revision. */
  itemAt(revision: number): Uint8Array;
}

/** The members of a serialized JSON object, without its braces ('' for `{}`). */
const members = (json: string): string => json.slice(1, -1);
const joined = (...parts: string[]): string => parts.filter((p) => p !== '').join(',');

/**
 * The object is serialized into pieces (JSON.stringify's own strings and small literals) that
 * are written straight into the output bytes: joining them into one string first would copy every
 * byte once more, for the stored form and again for the item.
 */
export function encodeObject(obj: KubeObject): EncodedObject {
  const { apiVersion, kind, metadata, ...rest } = obj;
  const [before, after] = splitAtResourceVersion(metadata ?? {});
  const beforeMembers = members(JSON.stringify(before));
  const afterPieces = metadataPieces(after);
  const restMembers = members(JSON.stringify(rest));
  const withMetadata = (head: string, resourceVersion: string): Piece[] => {
    const meta = [beforeMembers, resourceVersion].filter((m) => m !== '').join(',');
    const pieces: Piece[] = [`${head}"metadata":{`, meta];
    if (afterPieces.length > 0) pieces.push(meta === '' ? '' : ',', ...afterPieces);
    pieces.push(restMembers === '' ? '}}' : '},', restMembers, restMembers === '' ? '' : '}');
    return pieces;
  };
  let stored: Uint8Array | undefined;
  return {
    get stored() {
      const type = typeMembers(kind, apiVersion);
      stored ??= writePieces(withMetadata(type === '' ? '{' : `{${type},`, ''));
      return stored;
    },
    itemAt: (revision) => writePieces(withMetadata('{', `"resourceVersion":"${revision}"`)),
  };
}

/** JSON text, or its UTF-8 bytes when they are kept (fieldsV1 trees). */
type Piece = string | Uint8Array;

/** The UTF-8 bytes of the pieces' concatenation, written piece by piece into one buffer. */
function writePieces(pieces: readonly Piece[]): Uint8Array {
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

/** Metadata fields up to where resourceVersion goes, and the rest; resourceVersion itself dropped. */
function splitAtResourceVersion(meta: ObjectMeta): [ObjectMeta, ObjectMeta] {
  const before: ObjectMeta = {};
  const after: ObjectMeta = {};
  let target = before;
  for (const field in meta) {
    if (field === 'resourceVersion') continue;
    if (target === before && AFTER_RESOURCE_VERSION.has(field)) target = after;
    target[field] = meta[field];
  }
  return [before, after];
}

export function decodeObject(bytes: Uint8Array, revision: number): KubeObject {
  const obj = JSON.parse(decoder.decode(bytes)) as KubeObject;
  obj.metadata = metadataWithResourceVersion(obj.metadata ?? {}, revision);
  return obj;
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

/** The object whose list-item JSON is `item`, with its type put back in front. */
export function decodeItem(item: Uint8Array, kind: string | undefined, apiVersion: string | undefined): KubeObject {
  return JSON.parse(`{${joined(typeMembers(kind, apiVersion), decoder.decode(item.subarray(1, -1)))}}`) as KubeObject;
}

/** `{"kind":…,"apiVersion":…,` as bytes, per type: the head that makes an item a whole object. */
const typeHeads = new Map<string, Uint8Array>();

/** The whole object's JSON, from its list-item JSON: the type first, as Go's TypeMeta is. */
export function objectJSON(item: Uint8Array, kind: string | undefined, apiVersion: string | undefined): Buffer {
  const type = typeMembers(kind, apiVersion);
  if (type === '') return Buffer.from(item.buffer, item.byteOffset, item.byteLength);
  let head = typeHeads.get(type);
  if (!head) {
    head = encoder.encode(`{${type},`);
    typeHeads.set(type, head);
  }
  return Buffer.concat([head, item.subarray(1)]);
}

/** A copy of obj (sharing everything but the top level and metadata) at another revision. */
export function withResourceVersion(obj: KubeObject, revision: number): KubeObject {
  return { ...obj, metadata: metadataWithResourceVersion(obj.metadata, revision) };
}

function metadataWithResourceVersion(meta: ObjectMeta, revision: number): ObjectMeta {
  const resourceVersion = String(revision);
  if ('resourceVersion' in meta) return { ...meta, resourceVersion };
  const out: ObjectMeta = {};
  let placed = false;
  for (const field in meta) {
    if (!placed && AFTER_RESOURCE_VERSION.has(field)) {
      out.resourceVersion = resourceVersion;
      placed = true;
    }
    out[field] = meta[field];
  }
  if (!placed) out.resourceVersion = resourceVersion;
  return out;
}
