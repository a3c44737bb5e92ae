// The generic store (k8s.io/apiserver registry/generic/registry/store.go): create, get, list,
// update and delete for any kind, with the kind's rules coming from its Strategy. It speaks
// ObjectStorage below and throws StatusErrors above; it never writes HTTP.
import type { KubeObject, ListMeta, ObjectMeta } from '../api/types.js';
import { deepCopy, isPlainObject, setMember } from '../api/types.js';
import {
  newAlreadyExists,
  newBadRequest,
  newConflict,
  newGenerateNameConflict,
  newInvalid,
  newNotFound,
  newReasonless,
  newResourceExpired,
  newTimeout,
  OPTIMISTIC_LOCK_MESSAGE,
  StatusError,
  type GroupResource,
} from '../api/errors.js';
import type { FieldError } from '../api/field-errors.js';
import { StorageError, type ObjectStorage, type StoredObject, type VersionList } from '../storage/interfaces.js';
import { apiVersionOf, resetFields, resetMetadata, type ResourceDefinition } from './resource.js';
import { listPrefix, objectKey, resourcePrefix } from './keys.js';
import { generateName, prepareMetaForCreate, prepareMetaForUpdate } from './metadata.js';
import { rfc3339 } from '../api/time.js';
import type { DeleteOptions } from './delete-options.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/object-meta.js';
import { buildMatcher, type ObjectMatcher } from './matcher.js';
import { parseResourceVersion, type ListOptions } from './list-options.js';
import { decodeContinue, encodeContinue } from './continue-token.js';
import { deepEqual } from './compare.js';
import type { PatchMeta } from '../patch/patch-meta.js';
import { recordUpdate } from '../patch/managed-fields/index.js';
import { applyDefaults } from '../defaulting/apply-defaults.js';
import type { Admission, AdmissionAttributes, Operation } from '../admission/interfaces.js';
import type { UserInfo } from '../server/context.js';
import type { FieldValidation, ObjectSchemas, SchemaCheck } from '../validation/schema/object-schemas.js';

export interface StoreContext {
  storage: ObjectStorage;
  now(): Date;
  /** Schema-derived merge and list semantics of a kind, for managedFields; undefined when unknown. */
  patchMeta?(def: ResourceDefinition): PatchMeta | undefined;
  /**
   * false: writes other than server-side apply record no managedFields entry. kube-apiserver 1.32
   * always records them; the bench turns it off to measure what the bookkeeping costs.
   */
  recordManagedFields?: boolean;
  /** The decoder's schema check (types, unknown fields); absent: bodies are taken as they are. */
  schemas?: ObjectSchemas;
  /** Admission plugins and webhooks; absent: every write is admitted. */
  admission?: Admission;
}

export interface WriteOptions {
  dryRun: boolean;
  /** The field manager the write's managedFields entry is recorded under. */
  fieldManager?: string;
  /** Server-side apply has already set managedFields; the store must not record an Update. */
  managedFieldsDone?: boolean;
  /** Who writes, for admission; kube-apiserver's own identity when absent. */
  user?: UserInfo;
  /** Collects admission warnings for the response's Warning headers. */
  warnings?: string[];
}

/** The identity of writes kube-apiserver makes itself (bootstrap objects, its controllers). */
const APISERVER_USER: UserInfo = { username: 'system:apiserver', groups: ['system:masters', 'system:authenticated'] };

/** Who writes when a caller names no field manager: kube-apiserver's own writes carry this name. */
const DEFAULT_FIELD_MANAGER = 'kube-apiserver';

/**
 * A list as served, before encoding: items stay stored versions, so that a JSON response copies
 * each item's cached bytes instead of encoding it again.
 */
export interface ServedList {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: StoredObject[];
  /** Items keep their apiVersion and kind, as a custom resource's (unstructured) list has them. */
  itemsWithKind?: boolean;
}

export interface UpdateResult {
  object: KubeObject;
  created: boolean;
}

/** How long a read with a resourceVersion newer than the cache waits (the cacher's 3 s). */
const FRESHNESS_WAIT_MS = 3000;
const CONTINUE_TOO_OLD =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';
const GENERATE_NAME_ATTEMPTS = 8;
/**
 * How long a write keeps retrying after losing races (kube-apiserver retries without a count, within
 * its 60 s request timeout): each lost race is another write committed, so contention ends.
 */
const RETRY_WITHIN_MS = 60_000;

export class GenericStore {
  readonly def: ResourceDefinition;
  readonly groupResource: GroupResource;
  readonly #ctx: StoreContext;
  #allocationQueue: Promise<void> = Promise.resolve();
  readonly #withdrawn: (() => void)[] = [];

  constructor(def: ResourceDefinition, ctx: StoreContext) {
    this.def = def;
    this.groupResource = { group: def.group, resource: def.plural };
    this.#ctx = ctx;
  }

  get storage(): ObjectStorage {
    return this.#ctx.storage;
  }

  /**
   * The registry stopped serving this store (its CRD changed or went): its watches end, as
   * kube-apiserver's do when a custom resource's storage is torn down.
   */
  withdraw(): void {
    for (const listener of this.#withdrawn.splice(0)) listener();
  }

  /** Calls `listener` once when the store is withdrawn; returns a function that forgets it. */
  onWithdrawn(listener: () => void): () => void {
    this.#withdrawn.push(listener);
    return () => {
      const i = this.#withdrawn.indexOf(listener);
      if (i >= 0) this.#withdrawn.splice(i, 1);
    };
  }

  key(namespace: string, name: string): string {
    return objectKey(this.def, namespace, name);
  }

  prefix(namespace: string): string {
    return listPrefix(this.def, namespace);
  }

  get(namespace: string, name: string): KubeObject {
    const obj = this.#ctx.storage.get(this.key(namespace, name));
    if (!obj) throw newNotFound(this.groupResource, name);
    return obj;
  }

  matcher(options: ListOptions, name?: string): ObjectMatcher {
    return buildMatcher(this.def, options.labelSelector, options.fieldSelector, name);
  }

  /** Waits until the cache has seen a revision the client asked for, as the cacher does. */
  async waitFresh(revision: number | undefined): Promise<void> {
    if (revision === undefined || revision <= this.#ctx.storage.revision) return;
    try {
      await this.#ctx.storage.waitForRevision(revision, FRESHNESS_WAIT_MS);
    } catch {
      const err = newTimeout(`Timeout: Too large resource version: ${revision}, current: ${this.#ctx.storage.revision}`, 1);
      err.status.details = { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 };
      throw err;
    }
  }

  async list(namespace: string, options: ListOptions): Promise<ServedList> {
    const matcher = this.matcher(options);
    const prefix = this.prefix(namespace);
    const { items: all, revision, start } = await this.#snapshot(prefix, options);
    const items: StoredObject[] = [];
    let i = start ? lowerBound(all, prefix + start, (v) => v.key) : 0;
    for (; i < all.length; i++) {
      const version = all[i];
      if (!matcher(version)) continue;
      if (options.limit > 0 && items.length === options.limit) break;
      items.push(version);
    }
    const list = this.#servedList(String(revision), items);
    if (i < all.length && options.limit > 0) {
      list.metadata.continue = encodeContinue({ revision, start: all[i].key.slice(prefix.length) });
      let remaining = 0;
      for (let j = i; j < all.length; j++) if (matcher(all[j])) remaining++;
      if (!options.labelSelector && !options.fieldSelector) list.metadata.remainingItemCount = remaining;
    }
    return list;
  }

  #servedList(resourceVersion: string, items: StoredObject[]): ServedList {
    const list: ServedList = { apiVersion: apiVersionOf(this.def), kind: this.def.listKind ?? `${this.def.kind}List`, metadata: { resourceVersion }, items };
    if (this.def.declaredSchema) list.itemsWithKind = true;
    return list;
  }

  /**
   * The objects a list reads: the current state, or for a continue token or an Exact
   * resourceVersion the state at that revision, rebuilt from the event ring (410 when older).
   */
  async #snapshot(prefix: string, options: ListOptions): Promise<VersionList & { start: string }> {
    const storage = this.#ctx.storage;
    if (options.continueToken) {
      const position = decodeContinue(options.continueToken);
      const snapshot = storage.versionsAt(prefix, position.revision);
      if (!snapshot) {
        // etcd3's handleCompactedErrorForPaging: offer a token that goes on from now.
        const err = newResourceExpired(CONTINUE_TOO_OLD);
        err.status.metadata = { continue: encodeContinue({ revision: storage.revision, start: position.start }) };
        throw err;
      }
      return { ...snapshot, start: position.start };
    }
    const requested = parseResourceVersion(options.resourceVersion);
    await this.waitFresh(requested);
    if (options.resourceVersionMatch === 'Exact' && requested !== undefined) {
      const snapshot = storage.versionsAt(prefix, requested);
      if (!snapshot) throw newResourceExpired('The resourceVersion for the provided list is too old.');
      return { ...snapshot, start: '' };
    }
    return { ...storage.versions(prefix), start: '' };
  }

  keyOf(obj: KubeObject): string {
    return this.key(obj.metadata.namespace ?? '', obj.metadata.name ?? '');
  }

  /** The kind a write's object is: the served one, bar a custom resource body of another (its strategy refuses it). */
  #setKind(obj: KubeObject): void {
    if (!this.def.declaredSchema || !obj.kind) obj.kind = this.def.kind;
  }

  /** An Invalid error names the object's own kind (a custom resource body may claim another). */
  #invalidKind(obj: KubeObject): { group: string; kind: string } {
    return { group: this.def.group, kind: this.def.declaredSchema ? obj.kind || this.def.kind : this.def.kind };
  }

  /** Validates a new object: metadata, then the kind's own rules. */
  #validateCreate(obj: KubeObject): void {
    const errs: FieldError[] = [
      ...validateObjectMeta(obj.metadata, { namespaced: this.def.namespaced, nameValidation: this.def.nameValidation ?? 'subdomain' }),
      ...(this.def.strategy.validate?.(obj) ?? []),
    ];
    if (errs.length) throw newInvalid(this.#invalidKind(obj), obj.metadata.name ?? obj.metadata.generateName ?? '', errs);
  }

  async create(namespace: string, input: KubeObject, options: WriteOptions): Promise<KubeObject> {
    // etcd3's Create refuses only a resourceVersion that reads as a non-zero uint64; others are dropped.
    if (/^[0-9]+$/.test(input.metadata.resourceVersion ?? '') && BigInt(input.metadata.resourceVersion ?? 0) !== 0n) {
      throw newReasonless(500, 'resourceVersion should not be set on objects to be created');
    }
    const strategy = this.def.strategy;
    const obj = copyForWrite(input);
    delete obj.metadata.resourceVersion;
    obj.apiVersion = apiVersionOf(this.def);
    this.#setKind(obj);
    applyDefaults(this.def, obj);
    if (this.def.namespaced) obj.metadata.namespace = namespace;
    else delete obj.metadata.namespace;
    // As kube-apiserver's handlers: ownership first, so what mutating admission adds is nobody's.
    this.#recordManagedFields(undefined, obj, options, undefined);
    const attrs = this.#attributes('CREATE', obj, undefined, options, undefined);
    await this.#ctx.admission?.admit(attrs);
    prepareMetaForCreate(obj, this.#ctx.now(), strategy.generationChanged !== undefined);
    strategy.prepareForCreate?.(obj);
    this.#validateCreate(obj);
    options.warnings?.push(...(strategy.warnings?.(obj) ?? []));
    await this.#ctx.admission?.validate(attrs);
    if (options.dryRun) {
      if (this.#ctx.storage.get(this.keyOf(obj))) throw newAlreadyExists(this.groupResource, obj.metadata.name ?? '');
      return this.#allocating(obj, undefined, async () => obj);
    }
    const generated = Boolean(input.metadata.generateName && !input.metadata.name);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#allocating(obj, undefined, () => this.#ctx.storage.create(this.keyOf(obj), obj));
      } catch (err) {
        if (!(err instanceof StorageError) || err.code !== 'KeyExists') throw err;
        if (!generated) throw newAlreadyExists(this.groupResource, obj.metadata.name ?? '');
        if (attempt >= GENERATE_NAME_ATTEMPTS) throw newGenerateNameConflict(this.groupResource, obj.metadata.name ?? '', 1);
        obj.metadata.name = generateName(input.metadata.generateName ?? '');
      }
    }
  }

  /**
   * Runs a write after the kind's allocation (Strategy.allocate), one at a time, so that what
   * two writes allocate never collides. Kinds without allocation write at once.
   */
  #allocating(obj: KubeObject, old: KubeObject | undefined, write: () => Promise<KubeObject>): Promise<KubeObject> {
    const allocate = this.def.strategy.allocate;
    if (!allocate) return write();
    const run = async (): Promise<KubeObject> => {
      const key = this.keyOf(obj);
      const others = this.#ctx.storage.list(resourcePrefix(this.def)).items.filter((o) => this.keyOf(o) !== key);
      allocate(obj, others, old);
      return write();
    };
    const result = this.#allocationQueue.then(run, run);
    this.#allocationQueue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * Read-modify-write with retries (GuaranteedUpdate): `tryUpdate` gets the current object and
   * returns the desired one. A resourceVersion in the desired object is a precondition.
   */
  async guaranteedUpdate(
    namespace: string,
    name: string,
    tryUpdate: (current: KubeObject) => KubeObject,
    options: WriteOptions & { subresource?: string },
  ): Promise<UpdateResult> {
    const key = this.key(namespace, name);
    const retryUntil = performance.now() + RETRY_WITHIN_MS;
    for (;;) {
      const current = this.get(namespace, name);
      const updated = tryUpdate(current);
      const precondition = updated.metadata.resourceVersion;
      // Most kinds allow unconditional updates: no resourceVersion means "the current one", on
      // every attempt (the request's object is left as it came: a retry reads it again).
      if (!precondition && this.def.strategy.allowUnconditionalUpdate === false) throw this.#resourceVersionRequired(name);
      if (precondition && precondition !== current.metadata.resourceVersion) {
        throw newConflict(this.groupResource, name, OPTIMISTIC_LOCK_MESSAGE);
      }
      const desired = precondition ? updated : { ...updated, metadata: { ...updated.metadata, resourceVersion: current.metadata.resourceVersion } };
      const next = await this.#prepareUpdate(desired, current, options);
      if (deepEqual(stripVersion(next), stripVersion(current))) return { object: current, created: false };
      if (options.dryRun) return { object: { ...next, metadata: { ...next.metadata, resourceVersion: current.metadata.resourceVersion } }, created: false };
      try {
        if (shouldDeleteDuringUpdate(next)) return { object: await this.#ctx.storage.delete(key, Number(current.metadata.resourceVersion)), created: false };
        const write = (): Promise<KubeObject> => this.#ctx.storage.update(key, next, Number(current.metadata.resourceVersion));
        return { object: await this.#allocating(next, current, write), created: false };
      } catch (err) {
        // As GuaranteedUpdate: a lost race runs tryUpdate again on the winner's version, and only a
        // resourceVersion the request itself set can then be stale (checked above).
        if (err instanceof StorageError && err.code === 'Conflict' && performance.now() < retryUntil) {
          await this.#caughtUp(err);
          continue;
        }
        if (err instanceof StorageError && err.code === 'Conflict') throw newConflict(this.groupResource, name, OPTIMISTIC_LOCK_MESSAGE);
        if (err instanceof StorageError && err.code === 'KeyNotFound') throw newNotFound(this.groupResource, name);
        throw err;
      }
    }
  }

  /**
   * A write that lost a race is tried again once the cache holds the version that won: the backend
   * knows it before its commit reaches the cache, and reading the cache at once would lose again.
   * A cache that does not catch up in time leaves the retry to fail as it will.
   */
  async #caughtUp(conflict: StorageError): Promise<void> {
    await this.#ctx.storage.waitForRevision(conflict.currentRev, FRESHNESS_WAIT_MS).catch(() => undefined);
  }

  /** store.go's refusal of an update without resourceVersion: Invalid, qualified by the resource, value uint64 0. */
  #resourceVersionRequired(name: string): StatusError {
    const err: FieldError = { type: 'FieldValueInvalid', field: 'metadata.resourceVersion', rendered: '0x0', detail: 'must be specified for an update' };
    return newInvalid({ group: this.def.group, kind: this.def.plural }, name, [err]);
  }

  /** PUT of a whole object, on the main resource or the status subresource. */
  update(namespace: string, name: string, input: KubeObject, options: WriteOptions & { subresource?: string }): Promise<UpdateResult> {
    return this.guaranteedUpdate(namespace, name, () => input, options);
  }

  async #prepareUpdate(input: KubeObject, current: KubeObject, options: WriteOptions & { subresource?: string }): Promise<KubeObject> {
    const strategy = this.def.strategy;
    const subresource = options.subresource;
    let obj = copyForWrite(input);
    obj.apiVersion = apiVersionOf(this.def);
    this.#setKind(obj);
    applyDefaults(this.def, obj);
    if (this.def.namespaced) obj.metadata.namespace = current.metadata.namespace;
    if (subresource === 'status') {
      // Everything but metadata and status as it is live (copied: the store changes what it writes).
      obj = { ...current, metadata: keptMetadata(obj.metadata, current.metadata, resetMetadata(this.def, subresource)), status: obj.status };
      for (const field in obj) if (field !== 'metadata' && field !== 'status') setMember(obj, field, deepCopy(obj[field]));
      if (obj.status === undefined) delete obj.status;
    } else {
      for (const field of resetFields(this.def, subresource) ?? []) {
        if (current[field] === undefined) delete obj[field];
        else obj[field] = deepCopy(current[field]);
      }
    }
    this.#recordManagedFields(current, obj, options, subresource);
    const attrs = this.#attributes('UPDATE', obj, current, options, subresource);
    await this.#ctx.admission?.admit(attrs);
    prepareMetaForUpdate(obj, current);
    // A scale write changes the parent's spec: the kind's own update rules apply to it.
    const ownRules = !subresource || subresource === 'scale';
    if (ownRules) {
      strategy.prepareForUpdate?.(obj, current);
      if (strategy.generationChanged?.(obj, current)) obj.metadata.generation = (current.metadata.generation ?? 0) + 1;
    }
    // Subresources (status, binding, finalize) write through their own rules, not the kind's update validation.
    const kindErrors = (ownRules ? strategy.validateUpdate : subresource === 'status' ? strategy.validateStatusUpdate : undefined)?.(obj, current) ?? [];
    const errs: FieldError[] = [...validateObjectMetaUpdate(obj.metadata, current.metadata), ...kindErrors];
    if (errs.length) throw newInvalid(this.#invalidKind(obj), obj.metadata.name ?? '', errs);
    if (ownRules) options.warnings?.push(...(strategy.warnings?.(obj, current) ?? []));
    await this.#ctx.admission?.validate(attrs);
    return obj;
  }

  #attributes(operation: Operation, obj: KubeObject | undefined, old: KubeObject | undefined, options: WriteOptions | DeleteOptions, subresource: string | undefined): AdmissionAttributes {
    const { group, version, kind, plural } = this.def;
    return {
      operation,
      kind: { group, version, kind },
      resource: { group, version, resource: plural },
      subresource: subresource ?? '',
      name: obj?.metadata.name ?? old?.metadata.name ?? '',
      namespace: this.def.namespaced ? (obj?.metadata.namespace ?? old?.metadata.namespace ?? '') : '',
      object: obj,
      oldObject: old,
      dryRun: options.dryRun,
      options: requestOptions(operation, options),
      userInfo: options.user ?? APISERVER_USER,
      warnings: options.warnings ?? [],
    };
  }

  /**
   * DELETE of one object. Graceful kinds (pods) and objects with finalizers are only marked
   * (deletionTimestamp); the rest go at once. Returns the object and whether it is gone.
   */
  async delete(namespace: string, name: string, options: DeleteOptions): Promise<{ object: KubeObject; deleted: boolean }> {
    const key = this.key(namespace, name);
    const retryUntil = performance.now() + RETRY_WITHIN_MS;
    for (;;) {
      const current = this.get(namespace, name);
      this.#checkPreconditions(key, current, options);
      const attrs = this.#attributes('DELETE', undefined, current, options, undefined);
      await this.#ctx.admission?.admit(attrs);
      await this.#ctx.admission?.validate(attrs);
      const marked = this.#markForDeletion(current, options);
      try {
        if (marked) {
          if (marked === current || options.dryRun) return { object: marked, deleted: false };
          const { resourceVersion: _rv, ...metadata } = marked.metadata;
          return { object: await this.#ctx.storage.update(key, { ...marked, metadata }, Number(current.metadata.resourceVersion)), deleted: false };
        }
        // The response is the last stored state with its own resourceVersion (etcd3 conditionalDelete).
        if (!options.dryRun) await this.#ctx.storage.delete(key, Number(current.metadata.resourceVersion));
        return { object: current, deleted: true };
      } catch (err) {
        if (err instanceof StorageError && err.code === 'Conflict' && performance.now() < retryUntil) {
          await this.#caughtUp(err);
          continue;
        }
        if (err instanceof StorageError && err.code === 'Conflict') throw newConflict(this.groupResource, name, OPTIMISTIC_LOCK_MESSAGE);
        if (err instanceof StorageError && err.code === 'KeyNotFound') throw newNotFound(this.groupResource, name);
        throw err;
      }
    }
  }

  #checkPreconditions(key: string, current: KubeObject, options: DeleteOptions): void {
    const p = options.preconditions;
    const fail = (what: string, wanted: string, actual: string): never => {
      throw newConflict(
        this.groupResource,
        current.metadata.name ?? '',
        `StorageError: invalid object, Code: 4, Key: ${key}, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: ${what} in precondition: ${wanted}, ${what} in object meta: ${actual}`,
      );
    };
    if (p?.uid && p.uid !== current.metadata.uid) fail('UID', p.uid, current.metadata.uid ?? '');
    if (p?.resourceVersion && p.resourceVersion !== current.metadata.resourceVersion) {
      fail('ResourceVersion', p.resourceVersion, current.metadata.resourceVersion ?? '');
    }
  }

  /**
   * The object as a graceful or finalizer-delayed delete leaves it; `current` itself when the
   * delete changes nothing; undefined when the object should go now.
   */
  #markForDeletion(current: KubeObject, options: DeleteOptions): KubeObject | undefined {
    const now = this.#ctx.now();
    if (this.def.strategy.prepareForDelete) return this.def.strategy.prepareForDelete(current, now);
    const period = this.def.strategy.gracePeriod?.(current, options.gracePeriodSeconds) ?? 0;
    const meta = current.metadata;
    const hasFinalizers = (meta.finalizers?.length ?? 0) > 0;
    if (period <= 0 && !hasFinalizers) return undefined;
    const next = deepCopy(current);
    if (period > 0) {
      const wanted = new Date(now.getTime() + period * 1000);
      const existing = meta.deletionTimestamp ? Date.parse(meta.deletionTimestamp) : undefined;
      if (existing !== undefined && existing <= wanted.getTime()) return current;
      next.metadata.deletionTimestamp = rfc3339(wanted);
      next.metadata.deletionGracePeriodSeconds = period;
    } else {
      if (meta.deletionTimestamp) return current;
      next.metadata.deletionTimestamp = rfc3339(now);
      next.metadata.deletionGracePeriodSeconds = 0;
    }
    if (!meta.deletionTimestamp && (meta.generation ?? 0) > 0) next.metadata.generation = (meta.generation ?? 0) + 1;
    return next;
  }

  /** DELETE of a collection: every object the options select, one by one, as kube-apiserver does. */
  async deleteCollection(namespace: string, listOptions: ListOptions, options: DeleteOptions): Promise<ServedList> {
    const list = await this.list(namespace, { ...listOptions, limit: 0, continueToken: '' });
    const deleted: StoredObject[] = [];
    for (const { key, object } of list.items) {
      try {
        const gone = (await this.delete(object.metadata.namespace ?? '', object.metadata.name ?? '', options)).object;
        deleted.push({ key, labels: gone.metadata.labels, object: gone, scan: () => gone, json: undefined, itemOffset: 0 });
      } catch (err) {
        if (!(err instanceof StatusError && err.code === 404)) throw err;
      }
    }
    return { ...list, items: deleted };
  }

  /**
   * The write's managedFields entry (Update operation), as kube-apiserver's field manager records
   * it before the strategy runs: fields a subresource does not own are left out.
   */
  #recordManagedFields(old: KubeObject | undefined, obj: KubeObject, options: WriteOptions, subresource: string | undefined): void {
    if (options.managedFieldsDone || this.#ctx.recordManagedFields === false) return;
    const meta = this.patchMeta();
    if (!meta) return;
    const manager = options.fieldManager ?? DEFAULT_FIELD_MANAGER;
    recordUpdate(old, obj, { manager, apiVersion: apiVersionOf(this.def), subresource, time: this.#ctx.now(), resetFields: resetFields(this.def, subresource) }, meta);
  }

  /**
   * What the decoder does to a request body before anything else: drops nulls, refuses type
   * errors, and drops or (Strict) refuses unknown fields. Warnings are for Warn mode.
   */
  checkSchema(obj: KubeObject, mode: FieldValidation, duplicates: readonly string[] = []): SchemaCheck {
    const declared = this.def.declaredSchema;
    if (declared) return declared.decode(obj, mode, duplicates);
    return this.#ctx.schemas?.check(this.def, obj, mode, duplicates) ?? { object: obj, warnings: [] };
  }

  /** The kind's merge and list semantics (strategic merge, server-side apply); undefined when unknown. */
  patchMeta(): PatchMeta | undefined {
    return this.def.declaredSchema?.patchMeta ?? this.#ctx.patchMeta?.(this.def);
  }

  checkNameMatches(urlName: string, obj: KubeObject): void {
    const bodyName = obj.metadata.name;
    if (bodyName !== undefined && bodyName !== '' && bodyName !== urlName) {
      throw newBadRequest(`the name of the object (${bodyName}) does not match the name on the URL (${urlName})`);
    }
  }
}

/** The metav1 options object of a write, as kube-apiserver hands it to admission webhooks. */
function requestOptions(operation: Operation, options: WriteOptions | DeleteOptions): Record<string, unknown> {
  const kind = operation === 'CREATE' ? 'CreateOptions' : operation === 'UPDATE' ? 'UpdateOptions' : 'DeleteOptions';
  const out: Record<string, unknown> = { kind, apiVersion: 'meta.k8s.io/v1' };
  if (options.dryRun) out.dryRun = ['All'];
  if ('fieldManager' in options && options.fieldManager) out.fieldManager = options.fieldManager;
  if ('gracePeriodSeconds' in options && options.gracePeriodSeconds !== undefined) out.gracePeriodSeconds = options.gracePeriodSeconds;
  if ('preconditions' in options && options.preconditions) out.preconditions = options.preconditions;
  if ('propagationPolicy' in options && options.propagationPolicy) out.propagationPolicy = options.propagationPolicy;
  return out;
}

/**
 * The store's own copy of a write's input. managedFields entries are copied, their fieldsV1 trees
 * shared: nothing changes a fieldsV1 tree in place (the field manager replaces whole trees), and
 * copying them (~10 KB for a 20-container Deployment) cost more than the rest of the copy.
 */
function copyForWrite(input: KubeObject): KubeObject {
  const { managedFields, ...metadata } = input.metadata;
  const out = deepCopy({ ...input, metadata });
  if (managedFields !== undefined) {
    out.metadata.managedFields = Array.isArray(managedFields) ? managedFields.map((e) => (isPlainObject(e) ? { ...e } : deepCopy(e))) : deepCopy(managedFields);
  }
  return out;
}

/** `metadata` with the `kept` members as they are in `live` (absent there: absent). */
function keptMetadata(metadata: ObjectMeta, live: ObjectMeta, kept: readonly string[]): ObjectMeta {
  if (kept.length === 0) return metadata;
  const out: Record<string, unknown> = { ...metadata };
  for (const name of kept) {
    const value = (live as Record<string, unknown>)[name];
    if (value === undefined) delete out[name];
    else out[name] = deepCopy(value);
  }
  return out as ObjectMeta;
}

function stripVersion(obj: KubeObject): KubeObject {
  const { resourceVersion: _rv, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** An object being deleted whose last finalizer is gone and whose grace period is over. */
function shouldDeleteDuringUpdate(obj: KubeObject): boolean {
  const meta = obj.metadata;
  return Boolean(meta.deletionTimestamp) && !(meta.finalizers?.length) && !(meta.deletionGracePeriodSeconds);
}

function lowerBound<T>(items: readonly T[], key: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid]) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
