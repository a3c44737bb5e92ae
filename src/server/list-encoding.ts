// JSON encoding of lists and watch events, the hot paths: each item's JSON is computed once per stored
// object and reused, since cached objects are immutable. Items carry no apiVersion/kind, as
// kube-apiserver's typed lists don't.
import type { KubeList, KubeObject } from '../api/types.js';

const itemJSON = new WeakMap<KubeObject, string>();

export function encodeListItem(obj: KubeObject): string {
  let json = itemJSON.get(obj);
  if (json === undefined) {
    const { apiVersion: _a, kind: _k, ...rest } = obj;
    json = JSON.stringify(rest);
    itemJSON.set(obj, json);
  }
  return json;
}

export function encodeList(list: KubeList): string {
  const head = JSON.stringify({ kind: list.kind, apiVersion: list.apiVersion, metadata: list.metadata });
  const parts = new Array<string>(list.items.length);
  for (let i = 0; i < list.items.length; i++) parts[i] = encodeListItem(list.items[i]);
  return `${head.slice(0, -1)},"items":[${parts.join(',')}]}`;
}

/**
 * The last object encoded for watchers, and its JSON. A stored change reaches every watcher in
 * one synchronous pass, so one entry lets all of them share one encoding without keeping the
 * JSON of every object alive.
 */
let lastEncoded: { obj: KubeObject; json: string } | undefined;

/** The JSON of a whole object (with apiVersion/kind), shared by the watchers of one event. */
export function encodeObject(obj: KubeObject): string {
  if (lastEncoded?.obj !== obj) lastEncoded = { obj, json: JSON.stringify(obj) };
  return lastEncoded.json;
}
