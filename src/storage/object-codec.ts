// Objects ↔ stored bytes. Values are the object's JSON without metadata.resourceVersion (the
// revision is the resourceVersion, as in kube-apiserver's etcd3 store); decoding sets it again.
import type { KubeObject, ObjectMeta } from '../api/types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** ObjectMeta fields that follow resourceVersion in Go's field order (what clients see). */
const AFTER_RESOURCE_VERSION = new Set([
  'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields',
]);

export function encodeObject(obj: KubeObject): Uint8Array {
  if (obj.metadata.resourceVersion === undefined) return encoder.encode(JSON.stringify(obj));
  const metadata = { ...obj.metadata };
  delete metadata.resourceVersion;
  return encoder.encode(JSON.stringify({ ...obj, metadata }));
}

export function decodeObject(bytes: Uint8Array, revision: number): KubeObject {
  const obj = JSON.parse(decoder.decode(bytes)) as KubeObject;
  obj.metadata = metadataWithResourceVersion(obj.metadata ?? {}, revision);
  return obj;
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
  for (const [field, value] of Object.entries(meta)) {
    if (!placed && AFTER_RESOURCE_VERSION.has(field)) {
      out.resourceVersion = resourceVersion;
      placed = true;
    }
    out[field] = value;
  }
  if (!placed) out.resourceVersion = resourceVersion;
  return out;
}
