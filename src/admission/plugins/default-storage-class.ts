// DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault): a new claim that
// names no class gets the default StorageClass (the newest, when several are marked).
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionPlugin, Operation } from '../interfaces.js';
import type { AdmissionDeps, PluginFactory } from '../plugin-order.js';
import { isResource } from './attributes.js';

const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];
/** The beta annotation that named a claim's class before spec.storageClassName existed. */
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** util.GetDefaultClass: the most recently created default class, by name when created together. */
export function defaultStorageClass(classes: readonly KubeObject[]): KubeObject | undefined {
  const defaults = classes.filter((c) => DEFAULT_CLASS_ANNOTATIONS.some((a) => c.metadata.annotations?.[a] === 'true'));
  defaults.sort((a, b) => {
    const byTime = String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? ''));
    return byTime || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
  });
  return defaults[0];
}

class DefaultStorageClass implements AdmissionPlugin {
  readonly name = 'DefaultStorageClass';
  readonly #deps: AdmissionDeps;

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
  }

  handles(operation: Operation): boolean {
    return operation === 'CREATE';
  }

  admit(attrs: AdmissionAttributes): void {
    const claim = attrs.object;
    if (!isResource(attrs, 'persistentvolumeclaims') || !claim) return;
    const spec = ((claim.spec ??= {}) as { storageClassName?: string | null });
    if (spec.storageClassName != null || claim.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return;
    const store = this.#deps.registry().store('storage.k8s.io', 'storageclasses');
    const chosen = defaultStorageClass(this.#deps.storage.list(store.prefix('')).items);
    if (chosen) spec.storageClassName = chosen.metadata.name;
  }
}

export const defaultStorageClassPlugin: PluginFactory = { name: 'DefaultStorageClass', defaultOn: true, create: (deps) => new DefaultStorageClass(deps) };
