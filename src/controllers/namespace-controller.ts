// The namespace controller (pkg/controller/namespace): a namespace marked Terminating has all its
// content deleted, then its `kubernetes` finalizer removed through /finalize, then goes away.
// It reads and writes through the registry's stores, so every write takes the same path as an
// HTTP request.
import type { KubeObject } from '../api/types.js';
import { StatusError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { Watcher } from '../storage/interfaces.js';
import { WorkQueue } from './work-queue.js';

const FINALIZER = 'kubernetes';
const NAMESPACE_PREFIX = '/registry/namespaces/';
/** How soon a namespace whose content is still going (graceful pods, finalizers) is looked at again. */
const RECHECK_MS = 1000;

export class NamespaceController {
  readonly #registry: Registry;
  readonly #queue: WorkQueue;
  #watcher: Watcher | undefined;

  constructor(registry: Registry) {
    this.#registry = registry;
    this.#queue = new WorkQueue(
      (name) => this.#reconcile(name),
      (name, err) => process.stderr.write(`kubefake: namespace controller: ${name}: ${(err as Error).message}\n`),
    );
  }

  start(): void {
    const storage = this.#registry.storage;
    const { items, revision } = storage.list(NAMESPACE_PREFIX);
    for (const ns of items) if (ns.metadata.deletionTimestamp) this.#queue.add(ns.metadata.name ?? '');
    this.#watcher = storage.watch('/registry/', revision, (e) => {
      const ns = e.key.startsWith(NAMESPACE_PREFIX) ? e.current.object : this.#terminatingNamespaceOf(e.current.object);
      if (ns?.metadata.deletionTimestamp && e.type !== 'DELETED') this.#queue.add(ns.metadata.name ?? '');
    });
  }

  stop(): void {
    this.#watcher?.stop();
    this.#queue.stop();
  }

  #terminatingNamespaceOf(obj: KubeObject): KubeObject | undefined {
    const ns = obj.metadata.namespace;
    return ns ? this.#registry.storage.get(`${NAMESPACE_PREFIX}${ns}`) : undefined;
  }

  async #reconcile(name: string): Promise<{ retryAfterMs?: number } | void> {
    const namespaces = this.#registry.store('', 'namespaces');
    const ns = this.#registry.storage.get(`${NAMESPACE_PREFIX}${name}`);
    if (!ns?.metadata.deletionTimestamp) return;
    if (await this.#deleteContent(name)) return { retryAfterMs: RECHECK_MS };
    try {
      const finalizers = ((ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).filter((f) => f !== FINALIZER);
      await namespaces.guaranteedUpdate('', name, (cur) => ({ ...cur, spec: { ...(cur.spec as object), finalizers } }), { dryRun: false, subresource: 'finalize' });
      if (finalizers.length) return;
      await namespaces.delete('', name, { dryRun: false, preconditions: { uid: ns.metadata.uid } });
    } catch (err) {
      if (err instanceof StatusError && err.code === 404) return;
      throw err;
    }
  }

  /** Deletes every namespaced object in the namespace; true while some remain. */
  async #deleteContent(namespace: string): Promise<boolean> {
    let remaining = false;
    for (const { def, store } of this.#registry.resources()) {
      if (!def.namespaced || !def.verbs?.includes('delete')) continue;
      const prefix = store.prefix(namespace);
      for (const obj of this.#registry.storage.list(prefix).items) {
        remaining = true;
        if (obj.metadata.deletionTimestamp) continue;
        try {
          await store.delete(namespace, obj.metadata.name ?? '', { dryRun: false, propagationPolicy: 'Background' });
        } catch (err) {
          if (!(err instanceof StatusError && err.code === 404)) throw err;
        }
      }
    }
    return remaining;
  }
}
