// JSON encoding of lists and watch events, the hot paths. The cache keeps each stored version's
// JSON (storage/cached-object.ts), so items are copied as bytes; objects it does not keep encoded
// (converted versions, deleted-by-collection results) are encoded here, once per object. Items
// carry no apiVersion/kind, as kube-apiserver's typed lists don't.
import type { KubeObject } from '../api/types.js';
import type { StoredObject } from '../storage/interfaces.js';
import type { ServedList } from '../registry/store.js';

const encodedItems = new WeakMap<KubeObject, Uint8Array>();

function listItemJSON(version: StoredObject): Uint8Array {
  if (version.itemJSON) return version.itemJSON;
  const obj = version.object;
  let json = encodedItems.get(obj);
  if (json === undefined) {
    const { apiVersion: _a, kind: _k, ...rest } = obj;
    json = Buffer.from(JSON.stringify(rest));
    encodedItems.set(obj, json);
  }
  return json;
}

const COMMA = 0x2c;

/** The list as one buffer: its head, then every item's bytes copied in, comma-separated. */
export function encodeList(list: ServedList): Buffer {
  const head = Buffer.from(`${JSON.stringify({ kind: list.kind, apiVersion: list.apiVersion, metadata: list.metadata }).slice(0, -1)},"items":[`);
  const tail = Buffer.from(']}');
  const items = list.items.map(listItemJSON);
  let length = head.length + tail.length + Math.max(0, items.length - 1);
  for (const item of items) length += item.length;
  const out = Buffer.allocUnsafe(length);
  let at = head.copy(out, 0);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out[at++] = COMMA;
    out.set(items[i], at);
    at += items[i].length;
  }
  tail.copy(out, at);
  return out;
}

/** The whole object's JSON: the cached bytes when the version is kept encoded. */
export function objectJSONOf(version: StoredObject): Buffer {
  return version.objectJSON() ?? Buffer.from(JSON.stringify(version.object));
}

/**
 * The last watch event line built, per version and type. A stored change reaches every watcher
 * in one synchronous pass, so one entry lets all of them share one line without keeping the JSON
 * of every event alive.
 */
let lastLine: { version: StoredObject; type: string; line: Buffer } | undefined;

/** `{"type":…,"object":…}\n` for a version of an object. */
export function watchEventLine(type: string, version: StoredObject): Buffer {
  if (lastLine?.version !== version || lastLine.type !== type) {
    lastLine = { version, type, line: Buffer.concat([Buffer.from(`{"type":"${type}","object":`), objectJSONOf(version), Buffer.from('}\n')]) };
  }
  return lastLine.line;
}
