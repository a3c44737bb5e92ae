// One version of one object as the watch cache keeps it (the idea of k8s.io/apiserver's
// cachingObject): its JSON as bytes (for this process's writes, the very buffer the backend
// stored), decoded only when a reader asks, and then kept in a bounded set of recently decoded
// objects. A cache of many objects thus holds mostly bytes, which the garbage collector never
// walks, and lists and watch events copy bytes instead of serializing.
import type { KubeObject } from '../api/types.js';
import type { StoredObject } from './interfaces.js';
import type { JSONBytes } from './json-bytes.js';
import { decodeObject, encodeObject, parseObject, withResourceVersion } from './object-codec.js';

/**
 * Recently read decoded objects, at most `capacity`, in two generations: a read of a young object
 * costs one lookup (an LRU's reordering on every hit cost more than the rest of a cached read); an
 * old object read again becomes young; when the young generation is half the capacity, it becomes
 * the old one and the old one is dropped.
 */
export class DecodedObjects {
  readonly #generationSize: number;
  #young = new Map<CachedObject, KubeObject>();
  #old = new Map<CachedObject, KubeObject>();

  constructor(capacity: number) {
    this.#generationSize = Math.max(1, Math.floor(capacity / 2));
  }

  get(version: CachedObject): KubeObject | undefined {
    const young = this.#young.get(version);
    if (young) return young;
    const old = this.#old.get(version);
    if (old) {
      this.#old.delete(version);
      this.add(version, old);
    }
    return old;
  }

  add(version: CachedObject, obj: KubeObject): void {
    this.#young.set(version, obj);
    if (this.#young.size >= this.#generationSize) {
      this.#old = this.#young;
      this.#young = new Map();
    }
  }
}

/** The cached version each decoded object came from, so its JSON can be served without encoding. */
const versionOf = new WeakMap<KubeObject, CachedObject>();

/** The JSON of an object the storage handed out, unless it is not kept encoded. */
export function cachedJSONOf(obj: KubeObject): JSONBytes | undefined {
  return versionOf.get(obj)?.json;
}

export class CachedObject implements StoredObject {
  readonly key: string;
  readonly revision: number;
  readonly #decoded: DecodedObjects;
  #json: JSONBytes | undefined;
  #itemOffset: number;
  /** Decodes the version while its JSON is not built yet (then dropped). */
  #load: (() => KubeObject) | undefined;
  #labels: Readonly<Record<string, string>> | undefined;
  #summarized: boolean;

  private constructor(key: string, revision: number, decoded: DecodedObjects, json: JSONBytes | undefined, itemOffset: number, load: (() => KubeObject) | undefined) {
    this.key = key;
    this.revision = revision;
    this.#decoded = decoded;
    this.#json = json;
    this.#itemOffset = itemOffset;
    this.#load = load;
    this.#labels = undefined;
    this.#summarized = false;
  }

  /** A version just written by this process: `obj` (resourceVersion set) is taken over, not copied. */
  static written(key: string, revision: number, decoded: DecodedObjects, obj: KubeObject, json: JSONBytes, itemOffset: number): CachedObject {
    const version = new CachedObject(key, revision, decoded, json, itemOffset, undefined);
    version.#remember(obj);
    return version;
  }

  /** A version read from the backend's bytes (at start, or written by someone else). */
  static stored(key: string, revision: number, decoded: DecodedObjects, value: JSONBytes): CachedObject {
    return new CachedObject(key, revision, decoded, undefined, 0, () => decodeObject(value, revision));
  }

  /** The last state of `previous`, at the revision that deleted it. */
  static deleted(previous: CachedObject, revision: number, decoded: DecodedObjects): CachedObject {
    return new CachedObject(previous.key, revision, decoded, undefined, 0, () => withResourceVersion(previous.object, revision));
  }

  get object(): KubeObject {
    const cached = this.#decoded.get(this);
    if (cached) return cached;
    const obj = this.#decode();
    this.#remember(obj);
    return obj;
  }

  scan(): KubeObject {
    const cached = this.#decoded.get(this);
    if (cached) return cached;
    const obj = this.#decode();
    this.#summarize(obj);
    return obj;
  }

  #decode(): KubeObject {
    return this.#json ? parseObject(this.#json) : this.#load!();
  }

  get labels(): Readonly<Record<string, string>> | undefined {
    if (!this.#summarized) return this.object.metadata.labels;
    return this.#labels;
  }

  get json(): JSONBytes {
    return this.#encoded();
  }

  get itemOffset(): number {
    this.#encoded();
    return this.#itemOffset;
  }

  /** The JSON, encoded on first use for versions read from the backend or deleted. */
  #encoded(): JSONBytes {
    if (!this.#json) {
      const encoded = encodeObject(this.object);
      this.#json = encoded.at(this.revision);
      this.#itemOffset = encoded.itemOffset;
      this.#load = undefined;
    }
    return this.#json;
  }

  #remember(obj: KubeObject): void {
    this.#summarize(obj);
    this.#decoded.add(this, obj);
    versionOf.set(obj, this);
  }

  /** Keeps what reads need without decoding: the labels. */
  #summarize(obj: KubeObject): void {
    if (this.#summarized) return;
    this.#labels = obj.metadata.labels;
    this.#summarized = true;
  }
}
