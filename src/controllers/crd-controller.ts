// The CustomResourceDefinition controllers of apiextensions-apiserver in one: naming (accepted
// names and the NamesAccepted condition), establishing (Established), serving (the registry
// declares the CRD's versions once its names are accepted, before Established is written, so a
// client that waits for the condition finds the resource) and the cleanup finalizer (a deleted
// CRD's custom resources are deleted, then the CRD goes).
import { StatusError } from '../api/errors.js';
import { customResourceDefinitions, storageVersionDefinition } from '../registry/custom/definition.js';
import {
  isConditionTrue,
  type CustomResourceDefinition,
  type CustomResourceDefinitionCondition as CRDCondition,
  type CustomResourceDefinitionNames as CRDNames,
} from '../registry/apiextensions/types.js';
import { namesAndConditions, type HeldNames } from './crd-names.js';
import type { Registry } from '../registry/registry.js';
import type { Watcher } from '../storage/interfaces.js';
import { WorkQueue } from './work-queue.js';
import { CLEANUP_FINALIZER } from '../registry/apiextensions/customresourcedefinitions.js';
import { rfc3339 } from '../api/time.js';
import { deepEqual } from '../registry/compare.js';

const GROUP = 'apiextensions.k8s.io';
const PLURAL = 'customresourcedefinitions';
const PREFIX = `/registry/${GROUP}/${PLURAL}/`;
/** How often a CRD whose custom resources are still going (finalizers) looks again, and for how long before it says so. */
const INSTANCE_POLL_MS = 5000;
const INSTANCE_WAIT_MS = 60_000;

export class CRDController {
  readonly #registry: Registry;
  readonly #queue: WorkQueue;
  readonly #now: () => Date;
  #watcher: Watcher | undefined;
  /**
   * The names each CRD has been given, by CRD name: what the naming check reads instead of
   * decoding every CRD (large schemas) on each reconcile. start() fills it from the stored status.
   */
  readonly #acceptedNames = new Map<string, HeldNames>();
  /** Since when each terminating CRD has waited for its custom resources to go. */
  readonly #waitingSince = new Map<string, number>();
  /** What each served CRD's kinds were made from, by CRD name. */
  readonly #served = new Map<string, string>();
  /** The CRDs seen terminating, whose discovery has been rebuilt for it. */
  readonly #terminating = new Set<string>();

  constructor(registry: Registry, now: () => Date = () => new Date()) {
    this.#registry = registry;
    this.#now = now;
    this.#queue = new WorkQueue(
      (name) => this.#reconcile(name),
      (name, err) => process.stderr.write(`kubefake: customresourcedefinition controller: ${name}: ${(err as Error).message}\n`),
    );
  }

  /**
   * Serves the Established CRDs stored before the start at once (their custom resources answer
   * from the first request on), then reconciles every CRD through the queue, whose failures are
   * retried and never stop the server, and follows their changes.
   */
  start(): void {
    const storage = this.#registry.storage;
    const { items, revision } = storage.list(PREFIX);
    for (const crd of items as CustomResourceDefinition[]) {
      const name = crd.metadata.name ?? '';
      this.#acceptedNames.set(name, { group: crd.spec?.group ?? '', names: crd.status?.acceptedNames ?? {} });
      if (isConditionTrue(crd, 'Established')) this.#serve(crd);
    }
    for (const crd of items) this.#queue.add(crd.metadata.name ?? '');
    this.#watcher = storage.watch(PREFIX, revision, (e) => this.#queue.add(e.current.object.metadata.name ?? ''));
  }

  stop(): void {
    this.#watcher?.stop();
    this.#queue.stop();
  }

  /**
   * Declares the CRD's versions unless what they are made of is as last declared: status writes
   * leave the served kinds (and their open watches) alone.
   */
  #serve(crd: CustomResourceDefinition): void {
    const name = crd.metadata.name ?? '';
    // The spec moves the generation; the names are small.
    const basis = `${crd.metadata.uid}/${crd.metadata.generation}/${JSON.stringify(crd.status?.acceptedNames)}`;
    if (this.#served.get(name) === basis) return;
    this.#served.set(name, basis);
    // As the CRD handler and its discovery controller, by the Terminating condition of the live CRD.
    const terminating = (): boolean => {
      const live = this.#get(name);
      return live !== undefined && isConditionTrue(live, 'Terminating');
    };
    this.#registry.declare(name, customResourceDefinitions(crd, terminating));
  }

  #withdraw(name: string): void {
    this.#served.delete(name);
    this.#terminating.delete(name);
    this.#registry.declare(name, []);
  }

  #get(name: string): CustomResourceDefinition | undefined {
    return this.#registry.storage.get(`${PREFIX}${name}`) as CustomResourceDefinition | undefined;
  }

  async #reconcile(name: string): Promise<{ retryAfterMs?: number } | void> {
    const crd = this.#get(name);
    if (!crd) {
      this.#withdraw(name);
      return this.#forgetNames(name);
    }
    if (crd.metadata.deletionTimestamp) return this.#cleanUp(crd);
    const { names, conditions } = namesAndConditions(crd, this.#acceptedNames);
    const accepted = conditions.find((c) => c.type === 'NamesAccepted')?.status === 'True';
    if (accepted || isConditionTrue(crd, 'Established')) this.#serve({ ...crd, status: { ...crd.status, acceptedNames: names } });
    const nextStatus = (c: CustomResourceDefinition): CustomResourceDefinition['status'] => ({ ...c.status, acceptedNames: names, conditions: this.#merged(c.status?.conditions, conditions) });
    // A CRD whose status is already what the controllers would write gets no write (and no admission).
    if (!deepEqual(nextStatus(crd), crd.status)) await this.#writeStatus(name, (c) => ({ ...c, status: nextStatus(c) }));
    this.#rememberNames(name, crd.spec?.group ?? '', names);
  }

  /** The names a CRD holds now; when they change, the other CRDs of its group may take what it let go. */
  #rememberNames(name: string, group: string, names: CRDNames): void {
    const before = this.#acceptedNames.get(name);
    this.#acceptedNames.set(name, { group, names });
    if (before && !deepEqual(before.names, names)) this.#requeueGroup(group, name);
  }

  #forgetNames(name: string): void {
    const before = this.#acceptedNames.get(name);
    this.#acceptedNames.delete(name);
    if (before) this.#requeueGroup(before.group, name);
  }

  /** naming_controller.go requeueAllOtherGroupCRDs. */
  #requeueGroup(group: string, except: string): void {
    for (const [other, held] of this.#acceptedNames) if (held.group === group && other !== except) this.#queue.add(other);
  }


  /** SetCRDCondition: a condition keeps its lastTransitionTime while its status stays. */
  #merged(current: CRDCondition[] | undefined, updates: CRDCondition[]): CRDCondition[] {
    const result = [...(current ?? [])];
    for (const update of updates) {
      const i = result.findIndex((c) => c.type === update.type);
      const old = i >= 0 ? result[i] : undefined;
      const kept = old && old.status === update.status ? old.lastTransitionTime : undefined;
      const lastTransitionTime = kept ?? rfc3339(this.#now());
      const next = { type: update.type, status: update.status, lastTransitionTime, reason: update.reason, message: update.message };
      if (i >= 0) result[i] = next;
      else result.push(next);
    }
    return result;
  }

  /** Writes through /status, as the controllers' UpdateStatus does; a gone CRD is no error. */
  async #writeStatus(name: string, change: (crd: CustomResourceDefinition) => CustomResourceDefinition): Promise<void> {
    const store = this.#registry.store(GROUP, PLURAL);
    try {
      await store.guaranteedUpdate('', name, (current) => change(current as CustomResourceDefinition), { dryRun: false, subresource: 'status' });
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }

  /**
   * crd_finalizer.go: delete every custom resource of the CRD (unless it was never established or
   * overlaps a built-in resource), then drop the finalizer with the last condition, in one write.
   * Custom resources held by finalizers are looked at again every 5 s; after a minute the
   * condition says so, as Kubernetes' poll does.
   */
  async #cleanUp(crd: CustomResourceDefinition): Promise<{ retryAfterMs?: number } | void> {
    const name = crd.metadata.name ?? '';
    if (!crd.metadata.finalizers?.includes(CLEANUP_FINALIZER)) return;
    const terminating = (status: string, reason: string, message: string) => (c: CustomResourceDefinition): CustomResourceDefinition => ({
      ...c,
      status: { ...c.status, conditions: this.#merged(c.status?.conditions, [{ type: 'Terminating', status, reason, message }]) },
    });
    await this.#writeStatus(name, terminating('True', 'InstanceDeletionInProgress', 'CustomResource deletion is in progress'));
    // With Terminating true, discovery lists the CRD's kinds with fewer verbs: built again once.
    if (!this.#terminating.has(name)) {
      this.#terminating.add(name);
      this.#registry.changed();
    }
    const established = isConditionTrue(crd, 'Established');
    if (established) this.#serve(crd);
    let last: (c: CustomResourceDefinition) => CustomResourceDefinition;
    if (this.#overlapsBuiltIn(crd)) last = terminating('False', 'OverlappingBuiltInResource', 'instances overlap with built-in resources in storage');
    else if (!established) last = terminating('False', 'NeverEstablished', 'resource was never established');
    else {
      let remaining: number;
      try {
        remaining = await this.#deleteInstances(crd);
      } catch (err) {
        await this.#writeStatus(name, terminating('True', 'InstanceDeletionFailed', `could not issue all deletes: ${(err as Error).message}`));
        return { retryAfterMs: INSTANCE_POLL_MS };
      }
      if (remaining) return this.#waitForInstances(name, terminating);
      last = terminating('False', 'InstanceDeletionCompleted', 'removed all instances');
    }
    this.#waitingSince.delete(name);
    this.#withdraw(name);
    const withoutFinalizer = (c: CustomResourceDefinition): CustomResourceDefinition => ({
      ...c,
      metadata: { ...c.metadata, finalizers: (c.metadata.finalizers ?? []).filter((f) => f !== CLEANUP_FINALIZER) },
    });
    await this.#writeStatus(name, (c) => withoutFinalizer(last(c)));
  }

  /** Polls for custom resources held by finalizers; after a minute the condition says so. */
  async #waitForInstances(name: string, terminating: (status: string, reason: string, message: string) => (c: CustomResourceDefinition) => CustomResourceDefinition): Promise<{ retryAfterMs: number }> {
    const since = this.#waitingSince.get(name) ?? this.#now().getTime();
    this.#waitingSince.set(name, since);
    if (this.#now().getTime() - since >= INSTANCE_WAIT_MS) {
      this.#waitingSince.delete(name);
      await this.#writeStatus(name, terminating('True', 'InstanceDeletionCheck', 'could not confirm zero CustomResources remaining: timed out waiting for the condition'));
    }
    return { retryAfterMs: INSTANCE_POLL_MS };
  }

  #overlapsBuiltIn(crd: CustomResourceDefinition): boolean {
    return this.#registry.resources().some((r) => !r.def.declaredSchema && r.def.group === crd.spec?.group && r.def.plural === crd.spec?.names?.plural);
  }

  /**
   * Deletes the CRD's custom resources still there, served versions or not, through the storage
   * version without admission (the finalizer goes to the storage directly); returns how many
   * remain (finalizers hold them).
   */
  async #deleteInstances(crd: CustomResourceDefinition): Promise<number> {
    const def = storageVersionDefinition(crd);
    if (!def) return 0;
    const store = this.#registry.unadmittedStore(def);
    let remaining = 0;
    for (const obj of this.#registry.storage.list(store.prefix('')).items) {
      remaining++;
      if (obj.metadata.deletionTimestamp) continue;
      try {
        await store.delete(obj.metadata.namespace ?? '', obj.metadata.name ?? '', { dryRun: false, propagationPolicy: 'Background' });
        if (!this.#registry.storage.get(store.keyOf(obj))) remaining--;
      } catch (err) {
        if (err instanceof StatusError && err.code === 404) remaining--;
        else throw err;
      }
    }
    return remaining;
  }
}
