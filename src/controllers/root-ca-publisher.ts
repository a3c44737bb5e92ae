// The root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher): every active
// namespace has a ConfigMap kube-root-ca.crt with the cluster CA, put back when it is deleted or
// changed. Writes go through the registry's stores.
import type { KubeObject } from '../api/types.js';
import { StatusError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { Watcher } from '../storage/interfaces.js';
import { WorkQueue } from './work-queue.js';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';
const WRITE_OPTIONS = { dryRun: false, fieldManager: 'kube-controller-manager' } as const;

export class RootCAPublisher {
  readonly #registry: Registry;
  readonly #caPem: string;
  readonly #queue: WorkQueue;
  readonly #watchers: Watcher[] = [];

  constructor(registry: Registry, caPem: string) {
    this.#registry = registry;
    this.#caPem = caPem;
    this.#queue = new WorkQueue(
      (namespace) => this.#reconcile(namespace),
      (namespace, err) => process.stderr.write(`kubefake: root-ca-cert-publisher: ${namespace}: ${(err as Error).message}\n`),
    );
  }

  /** Publishes into the namespaces that exist now, then follows changes. */
  async start(): Promise<void> {
    const storage = this.#registry.storage;
    const namespaces = this.#registry.store('', 'namespaces').prefix('');
    const { items, revision } = storage.list(namespaces);
    for (const ns of items) await this.#reconcile(ns.metadata.name ?? '');
    this.#watchers.push(
      storage.watch(namespaces, revision, (e) => {
        if (e.type !== 'DELETED') this.#queue.add(e.current.object.metadata.name ?? '');
      }),
      storage.watch(this.#registry.store('', 'configmaps').prefix(''), revision, (e) => {
        if (e.current.object.metadata.name === ROOT_CA_CONFIGMAP) this.#queue.add(e.current.object.metadata.namespace ?? '');
      }),
    );
  }

  stop(): void {
    for (const w of this.#watchers.splice(0)) w.stop();
    this.#queue.stop();
  }

  async #reconcile(namespace: string): Promise<void> {
    const ns = this.#registry.storage.get(this.#registry.store('', 'namespaces').key('', namespace));
    if (!ns || ns.metadata.deletionTimestamp) return;
    const configmaps = this.#registry.store('', 'configmaps');
    const current = this.#registry.storage.get(configmaps.key(namespace, ROOT_CA_CONFIGMAP));
    try {
      if (!current) {
        await configmaps.create(namespace, this.#desired(), WRITE_OPTIONS);
      } else if (!this.#upToDate(current)) {
        await configmaps.guaranteedUpdate(namespace, ROOT_CA_CONFIGMAP, (cur) => this.#repaired(cur), WRITE_OPTIONS);
      }
    } catch (err) {
      // Made or deleted meanwhile (the watch brings it back), or the namespace is terminating.
      if (err instanceof StatusError && (err.code === 409 || err.code === 403 || err.code === 404)) return;
      throw err;
    }
  }

  #desired(): KubeObject {
    return { metadata: { name: ROOT_CA_CONFIGMAP, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } }, data: { 'ca.crt': this.#caPem } };
  }

  #upToDate(cm: KubeObject): boolean {
    const data = cm.data as Record<string, string> | undefined;
    // As kube: the data exactly, and some description (a changed one is left alone).
    return data?.['ca.crt'] === this.#caPem && Object.keys(data).length === 1 && Boolean(cm.metadata.annotations?.[DESCRIPTION_ANNOTATION]);
  }

  /** The publisher's update: its data, its annotation, the rest of the object kept. */
  #repaired(cur: KubeObject): KubeObject {
    const next = structuredClone(cur);
    next.data = { 'ca.crt': this.#caPem };
    next.metadata.annotations = { ...next.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION };
    return next;
  }
}
