// A registry over memory storage with no admission of its own, for calling one built-in plugin
// directly: seed objects through the stores, then admit/validate hand-made attributes.
import type { KubeObject } from '../../../../src/api/types.js';
import type { AdmissionAttributes, AdmissionPlugin, Operation } from '../../../../src/admission/interfaces.js';
import type { AdmissionDeps, PluginFactory } from '../../../../src/admission/plugin-order.js';
import { openStorage } from '../../../../src/storage/index.js';
import { Registry } from '../../../../src/registry/registry.js';
import { builtinResources } from '../../../../src/registry/builtin.js';
import type { ObjectStorage } from '../../../../src/storage/interfaces.js';

export interface Harness {
  registry: Registry;
  storage: ObjectStorage;
  deps: AdmissionDeps;
  plugin(factory: PluginFactory): AdmissionPlugin;
  seed(group: string, plural: string, namespace: string, obj: KubeObject): Promise<KubeObject>;
  close(): Promise<void>;
}

export async function harness(now = new Date('2025-01-01T00:00:00Z')): Promise<Harness> {
  const storage = await openStorage({ kind: 'memory' });
  const registry = new Registry(builtinResources, { storage, now: () => now });
  const deps: AdmissionDeps = { storage, registry: () => registry, now: () => now };
  for (const name of ['default', 'ns']) await registry.store('', 'namespaces').create('', { metadata: { name } }, { dryRun: false });
  return {
    registry,
    storage,
    deps,
    plugin: (factory) => factory.create(deps),
    seed: (group, plural, namespace, obj) => registry.store(group, plural).create(namespace, obj, { dryRun: false }),
    close: () => storage.close(),
  };
}

const RESOURCE_GROUPS: Record<string, string> = { deployments: 'apps', priorityclasses: 'scheduling.k8s.io' };

export interface AttrsInput {
  operation?: Operation;
  resource: string;
  group?: string;
  subresource?: string;
  namespace?: string;
  object?: KubeObject;
  oldObject?: KubeObject;
  dryRun?: boolean;
}

export function attrs(input: AttrsInput): AdmissionAttributes {
  const group = input.group ?? RESOURCE_GROUPS[input.resource] ?? '';
  return {
    operation: input.operation ?? 'CREATE',
    kind: { group, version: 'v1', kind: '' },
    resource: { group, version: 'v1', resource: input.resource },
    subresource: input.subresource ?? '',
    name: input.object?.metadata.name ?? input.oldObject?.metadata.name ?? '',
    namespace: input.namespace ?? 'ns',
    object: input.object,
    oldObject: input.oldObject,
    dryRun: input.dryRun ?? false,
    userInfo: { username: 'tester', groups: ['system:authenticated'] },
    warnings: [],
  };
}

export function pod(name: string, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', ...metadata }, spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec } };
}
