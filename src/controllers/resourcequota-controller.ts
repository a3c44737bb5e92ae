// The resource quota controller (pkg/controller/resourcequota): keeps each quota's status.hard
// equal to spec.hard and status.used equal to what the namespace's objects use. Admission
// charges new objects as they come, so the controller recounts when a quota changes, when
// something that used quota goes (a delete, a pod that ends, a service or claim that shrinks),
// and on a periodic full resync. Writes go through the registry's stores.
import type { KubeObject } from '../api/types.js';
import { StatusError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { StoredEvent, Watcher } from '../storage/interfaces.js';
import { deepEqual } from '../registry/compare.js';
import { mask, readResourceList, writeResourceList } from '../admission/plugins/resource-list.js';
import { evaluatorFor } from '../admission/plugins/resource-quota-evaluators.js';
import { calculateUsage, quotaHard } from '../admission/plugins/resource-quota-usage.js';
import { WorkQueue } from './work-queue.js';

/** kube-controller-manager's --resource-quota-sync-period. */
const DEFAULT_RESYNC_MS = 5 * 60_000;
/** Kinds whose update can release quota: replenishment on update, not only on delete. */
const RELEASING_UPDATES = new Set(['/registry/pods/', '/registry/services/specs/', '/registry/persistentvolumeclaims/']);

export interface ResourceQuotaControllerOptions {
  resyncMs?: number;
  now?: () => Date;
}

export class ResourceQuotaController {
  readonly #registry: Registry;
  readonly #queue: WorkQueue;
  readonly #resyncMs: number;
  readonly #now: () => Date;
  #watcher: Watcher | undefined;
  #resync: NodeJS.Timeout | undefined;

  constructor(registry: Registry, options: ResourceQuotaControllerOptions = {}) {
    this.#registry = registry;
    this.#resyncMs = options.resyncMs ?? DEFAULT_RESYNC_MS;
    this.#now = options.now ?? (() => new Date());
    this.#queue = new WorkQueue(
      (key) => this.#sync(key),
      (key, err) => process.stderr.write(`kubefake: resourcequota controller: ${key}: ${(err as Error).message}\n`),
    );
  }

  start(): void {
    const { revision } = this.#registry.storage.list(this.#quotaPrefix(''));
    this.#resyncAll();
    this.#watcher = this.#registry.storage.watch('/registry/', revision, (e) => this.#onEvent(e));
    this.#resync = setInterval(() => this.#resyncAll(), this.#resyncMs);
    this.#resync.unref();
  }

  stop(): void {
    this.#watcher?.stop();
    clearInterval(this.#resync);
    this.#queue.stop();
  }

  #quotaPrefix(namespace: string): string {
    return this.#registry.store('', 'resourcequotas').prefix(namespace);
  }

  #resyncAll(): void {
    for (const q of this.#registry.storage.list(this.#quotaPrefix('')).items) this.#queue.add(`${q.metadata.namespace}/${q.metadata.name}`);
  }

  #enqueueNamespace(namespace: string): void {
    for (const q of this.#registry.storage.list(this.#quotaPrefix(namespace)).items) this.#queue.add(`${namespace}/${q.metadata.name}`);
  }

  #onEvent(e: StoredEvent): void {
    const namespace = e.current.object.metadata.namespace;
    if (!namespace) return;
    if (e.key.startsWith(this.#quotaPrefix(''))) {
      if (e.type !== 'DELETED' && needsSync(e.current.object)) this.#queue.add(`${namespace}/${e.current.object.metadata.name}`);
      return;
    }
    if (e.type === 'DELETED') return this.#enqueueNamespace(namespace);
    const prefix = [...RELEASING_UPDATES].find((p) => e.key.startsWith(p));
    if (e.type === 'MODIFIED' && prefix && e.previous && this.#usageChanged(e.current.object, e.previous.object)) this.#enqueueNamespace(namespace);
  }

  #usageChanged(obj: KubeObject, prev: KubeObject): boolean {
    const plural = obj.kind === 'Pod' ? 'pods' : obj.kind === 'Service' ? 'services' : 'persistentvolumeclaims';
    const evaluator = evaluatorFor('', plural);
    return !deepEqual(writeResourceList(evaluator.usage(obj, this.#now())), writeResourceList(evaluator.usage(prev, this.#now())));
  }

  async #sync(key: string): Promise<{ retryAfterMs?: number } | void> {
    const [namespace, name] = key.split('/');
    const store = this.#registry.store('', 'resourcequotas');
    const quota = this.#registry.storage.get(store.key(namespace, name));
    if (!quota) return;
    const hard = quotaHard(quota, 'spec');
    const counted = calculateUsage(quota, (group, resource) => this.#list(group, resource, namespace), this.#now());
    // Counted values replace the old ones; names no evaluator counts keep theirs.
    const previous = readResourceList((quota.status as { used?: unknown } | undefined)?.used);
    const used = mask(new Map([...previous, ...counted]), hard.keys());
    const status = { hard: writeResourceList(hard), used: writeResourceList(used) };
    if (deepEqual(quota.status ?? {}, status)) return;
    try {
      await store.guaranteedUpdate(namespace, name, (cur) => ({ ...cur, metadata: { ...cur.metadata, resourceVersion: quota.metadata.resourceVersion }, status }), {
        dryRun: false,
        subresource: 'status',
        fieldManager: 'kube-controller-manager',
      });
    } catch (err) {
      // Admission charged it meanwhile: count again from the new version.
      if (err instanceof StatusError && err.code === 409) return { retryAfterMs: 0 };
      if (err instanceof StatusError && err.code === 404) return;
      throw err;
    }
  }

  #list(group: string, resource: string, namespace: string): KubeObject[] | undefined {
    const served = this.#registry.resources().find((r) => r.def.group === group && r.def.plural === resource && r.def.namespaced);
    return served && this.#registry.storage.list(served.store.prefix(namespace)).items;
  }
}

/** A quota whose status does not yet reflect its spec: new, or its hard limits changed. */
function needsSync(quota: KubeObject): boolean {
  const hard = writeResourceList(quotaHard(quota, 'spec'));
  const status = (quota.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
  return !deepEqual(status.hard ?? {}, hard) || Object.keys(hard).some((n) => status.used?.[n] === undefined);
}
