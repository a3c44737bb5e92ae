// ResourceQuota (k8s.io/apiserver admission/plugin/resourcequota): what is created or grown in a
// namespace must fit its quotas. Requests of one namespace are checked one at a time, and each
// admitted request's usage is written to the quotas' status.used before the object is stored,
// so concurrent requests never share the same headroom (the controller recounts later).
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionPlugin, Operation } from '../interfaces.js';
import type { AdmissionDeps, PluginFactory } from '../plugin-order.js';
import { writeResourceList } from './resource-list.js';
import { checkRequest, type QuotaCharge } from './resource-quota-check.js';
import { evaluatorFor, type QuotaEvaluator } from './resource-quota-evaluators.js';

/** Virtual kinds that are never stored, and events: not quota'd (install.ignoredResources). */
const IGNORED = new Set([
  '/bindings',
  '/componentstatuses',
  '/events',
  'events.k8s.io/events',
  'authentication.k8s.io/tokenreviews',
  'authentication.k8s.io/selfsubjectreviews',
  'authorization.k8s.io/subjectaccessreviews',
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/localsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
]);
/** Status updates that lose a race with another writer are retried this often. */
const RETRIES = 3;

class ResourceQuota implements AdmissionPlugin {
  readonly name = 'ResourceQuota';
  readonly #deps: AdmissionDeps;
  /** The tail of each namespace's chain of evaluations. */
  readonly #queues = new Map<string, Promise<void>>();

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
  }

  handles(operation: Operation): boolean {
    return operation === 'CREATE' || operation === 'UPDATE';
  }

  /** Synchronous when the namespace has no quota (the chain then awaits nothing). */
  validate(attrs: AdmissionAttributes): Promise<void> | void {
    const { group, resource } = attrs.resource;
    if (attrs.subresource || !attrs.namespace || !attrs.object || IGNORED.has(`${group}/${resource}`)) return;
    const evaluator = evaluatorFor(group, resource);
    if (!evaluator.handles(attrs.operation) || !this.#quotas(attrs.namespace).length) return;
    return this.#serially(attrs.namespace, () => this.#admit(attrs, evaluator));
  }

  #quotas(namespace: string): KubeObject[] {
    return this.#deps.storage.list(this.#deps.registry().store('', 'resourcequotas').prefix(namespace)).items;
  }

  #serially(namespace: string, run: () => Promise<void>): Promise<void> {
    const result = (this.#queues.get(namespace) ?? Promise.resolve()).then(run);
    const tail = result.catch(() => undefined);
    this.#queues.set(namespace, tail);
    void tail.then(() => {
      if (this.#queues.get(namespace) === tail) this.#queues.delete(namespace);
    });
    return result;
  }

  /** Checks and charges; quotas whose status write conflicted are re-read and charged again. */
  async #admit(attrs: AdmissionAttributes, evaluator: QuotaEvaluator): Promise<void> {
    let quotas = this.#quotas(attrs.namespace);
    for (let attempt = 0; ; attempt++) {
      const charges = checkRequest(quotas, attrs, evaluator, this.#deps.now());
      if (attrs.dryRun) return;
      const failed: string[] = [];
      let lastError: unknown;
      for (const charge of charges) {
        try {
          await this.#charge(charge);
        } catch (err) {
          if (!(err instanceof StatusError && err.code === 409)) throw err;
          failed.push(charge.quota.metadata.name ?? '');
          lastError = err;
        }
      }
      if (!failed.length) return;
      if (attempt >= RETRIES) throw lastError;
      quotas = this.#quotas(attrs.namespace).filter((q) => failed.includes(q.metadata.name ?? ''));
    }
  }

  /** UpdateQuotaStatus: a write of status.used on the version that was checked. */
  async #charge({ quota, used }: QuotaCharge): Promise<void> {
    const store = this.#deps.registry().store('', 'resourcequotas');
    const rv = quota.metadata.resourceVersion;
    await store.guaranteedUpdate(
      quota.metadata.namespace ?? '',
      quota.metadata.name ?? '',
      (cur) => ({ ...cur, metadata: { ...cur.metadata, resourceVersion: rv }, status: { ...(cur.status as object), used: writeResourceList(used) } }),
      { dryRun: false, subresource: 'status', fieldManager: 'kube-apiserver' },
    );
  }
}

export const resourceQuota: PluginFactory = { name: 'ResourceQuota', defaultOn: true, create: (deps) => new ResourceQuota(deps) };
