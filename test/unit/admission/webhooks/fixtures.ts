// In-process fixtures for the admission unit tests: memory storage with a registry over the
// built-in kinds, admission attributes for a pod, and stored namespaces.
import type { KubeObject } from '../../../../src/api/types.js';
import type { AdmissionAttributes } from '../../../../src/admission/interfaces.js';
import type { AdmissionDeps } from '../../../../src/admission/plugin-order.js';
import { builtinResources } from '../../../../src/registry/builtin.js';
import { Registry } from '../../../../src/registry/registry.js';
import { openStorage, type ObjectStorage } from '../../../../src/storage/index.js';

export interface Fixture extends AdmissionDeps {
  storage: ObjectStorage;
  close(): Promise<void>;
  /** Stores an object through the registry (defaults and validation included). */
  create(group: string, plural: string, obj: Record<string, unknown>, namespace?: string): Promise<KubeObject>;
}

export async function fixture(): Promise<Fixture> {
  const storage = await openStorage({ kind: 'memory' });
  const registry = new Registry(builtinResources, { storage, now: () => new Date() });
  return {
    storage,
    registry: () => registry,
    now: () => new Date(),
    close: () => storage.close(),
    create: (group, plural, obj, namespace = '') => registry.store(group, plural).create(namespace, obj as KubeObject, { dryRun: false }),
  };
}

export function podAttributes(overrides: Partial<AdmissionAttributes> = {}, labels: Record<string, string> = {}): AdmissionAttributes {
  const object: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject;
  return {
    operation: 'CREATE',
    kind: { group: '', version: 'v1', kind: 'Pod' },
    resource: { group: '', version: 'v1', resource: 'pods' },
    subresource: '',
    name: 'p',
    namespace: 'ns',
    object,
    dryRun: false,
    options: { kind: 'CreateOptions', apiVersion: 'meta.k8s.io/v1', fieldManager: 'kubectl-create' },
    userInfo: { username: 'alice', groups: ['system:authenticated'] },
    warnings: [],
    ...overrides,
  };
}
