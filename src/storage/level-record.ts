// The LevelDB layout of LevelBackend. Keys are namespaced so objects and metadata never collide:
//   o:<key>        → record: [format 1][modRevision u64 BE][createRevision u64 BE][value bytes (its parts joined)]
//   m:revision     → the revision counter, u64 BE, written in the same batch as the objects
import type { KV } from './interfaces.js';
import { jsonParts, type JSONBytes } from './json-bytes.js';

const OBJECT_NS = 'o:';
export const META_REVISION_KEY = 'm:revision';
const FORMAT = 1;
const HEADER_BYTES = 17;

export interface RevisionHeader {
  modRevision: number;
  createRevision: number;
}

export function objectKey(key: string): string {
  return OBJECT_NS + key;
}

/** The LevelDB key bounds holding every object whose key starts with prefix. */
export function objectRange(prefix: string): { gte: string; lt: string } {
  const start = OBJECT_NS + prefix;
  // The smallest string above every string starting with `start`: bump its last character
  // (UTF-8 preserves code point order, so this holds for LevelDB's byte order too).
  const last = start.charCodeAt(start.length - 1);
  return { gte: start, lt: start.slice(0, -1) + String.fromCharCode(last + 1) };
}

export function keyOfObjectKey(dbKey: string): string {
  return dbKey.slice(OBJECT_NS.length);
}

export function encodeRecord(h: RevisionHeader, value: JSONBytes): Uint8Array {
  const parts = jsonParts(value);
  let length = HEADER_BYTES;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint8(0, FORMAT);
  view.setBigUint64(1, BigInt(h.modRevision));
  view.setBigUint64(9, BigInt(h.createRevision));
  let at = HEADER_BYTES;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function decodeHeader(record: Uint8Array): RevisionHeader {
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  const format = view.getUint8(0);
  if (format !== FORMAT) throw new Error(`unknown storage record format ${format}`);
  return { modRevision: Number(view.getBigUint64(1)), createRevision: Number(view.getBigUint64(9)) };
}

export function decodeKv(dbKey: string, record: Uint8Array): KV {
  return { key: keyOfObjectKey(dbKey), value: record.subarray(HEADER_BYTES), ...decodeHeader(record) };
}

export function encodeRevision(rev: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(rev));
  return out;
}

export function decodeRevision(bytes: Uint8Array): number {
  return Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0));
}
