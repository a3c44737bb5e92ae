// NamespaceLifecycle (plugin/pkg/admission/namespace/lifecycle): no new content in a namespace
// that does not exist or is being terminated, and the system namespaces cannot be deleted.
import { newForbidden, newNotFound } from '../../api/errors.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../interfaces.js';
import type { AdmissionDeps, PluginFactory } from '../plugin-order.js';

/** kube-apiserver refuses to delete these. */
const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

class NamespaceLifecycle implements AdmissionPlugin {
  readonly name = 'NamespaceLifecycle';
  readonly #deps: AdmissionDeps;

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
  }

  handles(): boolean {
    return true;
  }

  /** A mutating plugin in kube-apiserver (Admit), so it answers before the object is validated. */
  admit(attrs: AdmissionAttributes): void {
    const gr = { group: attrs.resource.group, resource: attrs.resource.resource };
    if (attrs.operation === 'DELETE' && gr.group === '' && gr.resource === 'namespaces' && IMMORTAL.has(attrs.name)) {
      throw newForbidden(gr, attrs.name, 'this namespace may not be deleted');
    }
    if (attrs.operation !== 'CREATE' || !attrs.namespace || (gr.group === '' && gr.resource === 'namespaces')) return;
    const namespace = this.#deps.storage.get(`/registry/namespaces/${attrs.namespace}`);
    if (!namespace) throw newNotFound({ group: '', resource: 'namespaces' }, attrs.namespace);
    if (namespace.metadata.deletionTimestamp) {
      throw newForbidden(gr, attrs.name, `unable to create new content in namespace ${attrs.namespace} because it is being terminated`, [
        { reason: 'NamespaceTerminating', message: `namespace ${attrs.namespace} is being terminated`, field: 'metadata.namespace' },
      ]);
    }
  }
}

export const namespaceLifecycle: PluginFactory = { name: 'NamespaceLifecycle', defaultOn: true, create: (deps) => new NamespaceLifecycle(deps) };
