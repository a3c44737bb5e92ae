// JSON encoding of lists, and of the stored versions watch events carry: the hot paths. The cache
// keeps each stored version's JSON (storage/cached-object.ts), so items are copied as bytes;
// objects it does not keep encoded (converted versions, deleted-by-collection results) are
// encoded here, once per object. Items carry no apiVersion/kind, as kube-apiserver's typed lists
// don't, but those of custom resources (unstructured lists) do.
import type { KubeObject } from '../api/types.js';
import type { StoredObject } from '../storage/interfaces.js';
import { jsonParts } from '../storage/json-bytes.js';
import type { ServedList } from '../registry/store.js';

/** Items as typed lists carry them (no apiVersion and kind), and whole, by object. */
const encodedItems = new WeakMap<KubeObject, Uint8Array>();
const encodedObjects = new WeakMap<KubeObject, Uint8Array>();

/**
 * Adds a list item's JSON without its opening brace (the separator before it carries one): the
 * version's JSON from its item offset, with no copy made.
 */
function addItemAfterBrace(spans: Span[], version: StoredObject, withKind: boolean): void {
  if (version.json) {
    // The item offset falls in the first part (it is right after apiVersion and kind).
    jsonParts(version.json).forEach((part, i) => spans.push([part, i > 0 ? 0 : withKind ? 1 : version.itemOffset]));
    return;
  }
  const obj = version.object;
  const encoded = withKind ? encodedObjects : encodedItems;
  let item = encoded.get(obj);
  if (item === undefined) {
    const { apiVersion: _a, kind: _k, ...rest } = obj;
    item = Buffer.from(JSON.stringify(withKind ? obj : rest));
    encoded.set(obj, item);
  }
  spans.push([item, 1]);
}

/** Bytes from an offset on. */
type Span = readonly [bytes: Uint8Array, from: number];

/** Bytes per chunk of a list response: small enough that the client decodes one while the next is made. */
const LIST_CHUNK_BYTES = 512 * 1024;

export interface EncodedList {
  length: number;
  /**
   * The list's bytes, in chunks of LIST_CHUNK_BYTES (the last one shorter), made as they are
   * iterated. The chunks share one buffer: a chunk holds its bytes until the next is asked for,
   * which writeChunks does only once the socket has taken it (the write's callback ran).
   */
  chunks: Iterable<Buffer>;
}

/**
 * The list as its head, every item's bytes copied in comma-separated, and its tail. It is made
 * in chunks so that writing a long list overlaps with the client reading it, instead of the
 * client waiting while one buffer of the whole list is filled.
 */
export function encodeList(list: ServedList): EncodedList {
  const { head, tail } = list.itemsWithKind ? unstructuredEnds(list) : typedEnds(list);
  const spans: Span[] = [[head, 0]];
  list.items.forEach((item, i) => {
    spans.push([i > 0 ? COMMA_BRACE : BRACE, 0]);
    addItemAfterBrace(spans, item, list.itemsWithKind === true);
  });
  spans.push([tail, 0]);
  let length = 0;
  for (const [bytes, from] of spans) length += bytes.length - from;
  return { length, chunks: chunksOf(spans, length) };
}

const BRACE = Buffer.from('{');
const COMMA_BRACE = Buffer.from(',{');
const TAIL = Buffer.from(']}');

/** A typed list's bytes around its items: kind, apiVersion, metadata, then items (ListMeta's struct order). */
function typedEnds(list: ServedList): { head: Buffer; tail: Buffer } {
  return { head: Buffer.from(`${JSON.stringify({ kind: list.kind, apiVersion: list.apiVersion, metadata: list.metadata }).slice(0, -1)},"items":[`), tail: TAIL };
}

/** An unstructured list's (custom resources'): its keys in Go's map order, items second. */
function unstructuredEnds(list: ServedList): { head: Buffer; tail: Buffer } {
  const after = JSON.stringify({ kind: list.kind, metadata: list.metadata });
  return { head: Buffer.from(`{"apiVersion":${JSON.stringify(list.apiVersion)},"items":[`), tail: Buffer.from(`],${after.slice(1)}`) };
}

/**
 * Buffers lists are written through, kept from list to list: a new 512 KiB buffer per chunk
 * cost a list of 10,000 pods 46 allocations outside the JS heap, which made V8 collect its old
 * generation during lists once an idle server had shrunk its heap.
 */
const spareChunks: Buffer[] = [];
const SPARE_CHUNKS = 4;

/** The spans' bytes, concatenated and cut into chunks of LIST_CHUNK_BYTES (the last one shorter). */
function* chunksOf(spans: readonly Span[], length: number): Generator<Buffer> {
  const chunk = spareChunks.pop() ?? Buffer.allocUnsafeSlow(LIST_CHUNK_BYTES);
  try {
    let left = length;
    let size = Math.min(left, LIST_CHUNK_BYTES);
    let at = 0;
    for (const [bytes, start] of spans) {
      for (let from = start; from < bytes.length; ) {
        if (at === size) {
          yield chunk.subarray(0, size);
          left -= size;
          size = Math.min(left, LIST_CHUNK_BYTES);
          at = 0;
        }
        const n = Math.min(bytes.length - from, size - at);
        chunk.set(from === 0 && n === bytes.length ? bytes : bytes.subarray(from, from + n), at);
        at += n;
        from += n;
      }
    }
    yield chunk.subarray(0, size);
  } finally {
    if (spareChunks.length < SPARE_CHUNKS) spareChunks.push(chunk);
  }
}

/** The whole object's JSON in parts: the cached bytes when the version is kept encoded. */
export function objectJSONOf(version: StoredObject): readonly Uint8Array[] {
  return version.json ? jsonParts(version.json) : [Buffer.from(JSON.stringify(version.object))];
}
