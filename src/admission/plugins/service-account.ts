// ServiceAccount (plugin/pkg/admission/serviceaccount): a new pod runs as its ServiceAccount
// (`default` unless it names one), which must exist; it gets the SA's image pull secrets and,
// unless automounting is off, the kube-api-access token volume. Mirror pods may reference
// neither service accounts nor secrets.
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionPlugin, Operation } from '../interfaces.js';
import type { AdmissionDeps, PluginFactory } from '../plugin-order.js';
import { admissionForbidden, isResource } from './attributes.js';
import { mountServiceAccountToken } from './service-account-token-volume.js';
import { referencesSecrets } from './pod-secrets.js';

const DEFAULT_SERVICE_ACCOUNT = 'default';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** kube looks the default SA up 10 times, 100-200 ms apart: its controller may not have made it yet. */
const DEFAULT_SA_ATTEMPTS = 10;

interface ServiceAccount extends KubeObject {
  automountServiceAccountToken?: boolean;
  imagePullSecrets?: { name?: string }[];
}

interface PodSpec {
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  imagePullSecrets?: { name?: string }[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class ServiceAccountPlugin implements AdmissionPlugin {
  readonly name = 'ServiceAccount';
  readonly #deps: AdmissionDeps;

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
  }

  handles(operation: Operation): boolean {
    return operation === 'CREATE';
  }

  // admit and validate are synchronous when the account is found at once, as it nearly always is.
  admit(attrs: AdmissionAttributes): Promise<void> | void {
    const pod = attrs.object;
    if (!isResource(attrs, 'pods') || !pod) return;
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return this.#validateMirrorPod(attrs, pod);
    const spec = ((pod.spec ??= {}) as PodSpec);
    // v1's deprecated serviceAccount names the account when serviceAccountName does not.
    spec.serviceAccountName = spec.serviceAccountName || spec.serviceAccount || DEFAULT_SERVICE_ACCOUNT;
    spec.serviceAccount = spec.serviceAccountName;
    const sa = this.#find(attrs, spec.serviceAccountName);
    if (sa) return this.#useAccount(pod, spec, sa);
    return this.#lookup(attrs, spec.serviceAccountName).then((found) => this.#useAccount(pod, spec, found));
  }

  #useAccount(pod: KubeObject, spec: PodSpec, sa: ServiceAccount): void {
    if (spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true) mountServiceAccountToken(pod);
    if (!spec.imagePullSecrets?.length && sa.imagePullSecrets?.length) spec.imagePullSecrets = sa.imagePullSecrets.map((s) => ({ name: s.name }));
  }

  /** Again after the mutating webhooks, which may have changed the account. */
  validate(attrs: AdmissionAttributes): Promise<void> | void {
    const pod = attrs.object;
    if (!isResource(attrs, 'pods') || !pod) return;
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return this.#validateMirrorPod(attrs, pod);
    const name = (pod.spec as PodSpec | undefined)?.serviceAccountName;
    if (!name) throw admissionForbidden(attrs, `no service account specified for pod ${attrs.namespace}/${pod.metadata.name ?? ''}`);
    if (!this.#find(attrs, name)) return this.#lookup(attrs, name).then(() => undefined);
  }

  #validateMirrorPod(attrs: AdmissionAttributes, pod: KubeObject): void {
    if ((pod.spec as PodSpec | undefined)?.serviceAccountName) throw admissionForbidden(attrs, 'a mirror pod may not reference service accounts');
    if (referencesSecrets(pod)) throw admissionForbidden(attrs, 'a mirror pod may not reference secrets');
  }

  #find(attrs: AdmissionAttributes, name: string): ServiceAccount | undefined {
    return this.#deps.storage.get(this.#deps.registry().store('', 'serviceaccounts').key(attrs.namespace, name)) as ServiceAccount | undefined;
  }

  /** After a first miss: the default account is waited for, any other is not found. */
  async #lookup(attrs: AdmissionAttributes, name: string): Promise<ServiceAccount> {
    const attempts = name === DEFAULT_SERVICE_ACCOUNT ? DEFAULT_SA_ATTEMPTS : 1;
    const retryMs = 100 + Math.floor(Math.random() * 100);
    for (let i = 1; i < attempts; i++) {
      await sleep(retryMs);
      const sa = this.#find(attrs, name);
      if (sa) return sa;
    }
    throw admissionForbidden(attrs, `error looking up service account ${attrs.namespace}/${name}: serviceaccount "${name}" not found`);
  }
}

export const serviceAccount: PluginFactory = { name: 'ServiceAccount', defaultOn: true, create: (deps) => new ServiceAccountPlugin(deps) };
