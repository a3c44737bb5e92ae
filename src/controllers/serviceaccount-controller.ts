// The serviceaccounts controller (pkg/controller/serviceaccount): every active namespace has a
// ServiceAccount `default`, made again if it is deleted. Writes go through the registry's
// stores, so they take the same path (defaults, admission, validation) as an HTTP request.
import type { KubeObject } from '../api/types.js';
import { StatusError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { StoredEvent, Watcher } from '../storage/interfaces.js';
import { WorkQueue } from './work-queue.js';

const DEFAULT_NAME = 'default';

export class ServiceAccountController {
  readonly #registry: Registry;
  readonly #queue: WorkQueue;
  readonly #watchers: Watcher[] = [];

  constructor(registry: Registry) {
    this.#registry = registry;
    this.#queue = new WorkQueue(
      (namespace) => this.#reconcile(namespace),
      (namespace, err) => process.stderr.write(`kubefake: serviceaccount controller: ${namespace}: ${(err as Error).message}\n`),
    );
  }

  /** Makes the accounts of the namespaces that exist now, then follows changes. */
  async start(): Promise<void> {
    const storage = this.#registry.storage;
    const namespaces = this.#registry.store('', 'namespaces').prefix('');
    const { items, revision } = storage.list(namespaces);
    for (const ns of items) await this.#reconcile(ns.metadata.name ?? '');
    const accounts = this.#registry.store('', 'serviceaccounts').prefix('');
    this.#watchers.push(
      storage.watch(namespaces, revision, (e) => this.#onNamespace(e)),
      storage.watch(accounts, revision, (e) => {
        if (e.type === 'DELETED' && e.current.object.metadata.name === DEFAULT_NAME) this.#queue.add(e.current.object.metadata.namespace ?? '');
      }),
    );
  }

  stop(): void {
    for (const w of this.#watchers.splice(0)) w.stop();
    this.#queue.stop();
  }

  #onNamespace(e: StoredEvent): void {
    if (e.type !== 'DELETED') this.#queue.add(e.current.object.metadata.name ?? '');
  }

  async #reconcile(namespace: string): Promise<void> {
    const ns = this.#registry.storage.get(this.#registry.store('', 'namespaces').key('', namespace));
    if (!isActive(ns)) return;
    const accounts = this.#registry.store('', 'serviceaccounts');
    if (this.#registry.storage.get(accounts.key(namespace, DEFAULT_NAME))) return;
    try {
      await accounts.create(namespace, { metadata: { name: DEFAULT_NAME } }, { dryRun: false, fieldManager: 'kube-controller-manager' });
    } catch (err) {
      // Made meanwhile, or the namespace started terminating: nothing to do.
      if (err instanceof StatusError && (err.code === 409 || err.code === 403 || err.code === 404)) return;
      throw err;
    }
  }
}

function isActive(ns: KubeObject | undefined): ns is KubeObject {
  return ns !== undefined && !ns.metadata.deletionTimestamp && (ns.status as { phase?: string } | undefined)?.phase !== 'Terminating';
}
