// Storage keys, exactly kube-apiserver's etcd keys: /registry/<resource>/<namespace>/<name> for
// built-in kinds whatever their group (DefaultStorageFactory.ResourcePrefix), with the
// historical prefixes a few core resources keep; the keys show in precondition Conflicts.
// apiextensions-apiserver's kinds (CRDs and custom resources) have their group in the key.
import type { ResourceDefinition } from './resource.js';

/** SpecialDefaultResourcePrefixes of kube-apiserver's storage factory. */
const SPECIAL_PREFIXES: Record<string, string> = {
  nodes: 'minions',
  services: 'services/specs',
  endpoints: 'services/endpoints',
  replicationcontrollers: 'controllers',
  ingresses: 'ingress',
};

export function resourcePrefix(def: ResourceDefinition): string {
  if (def.storagePrefix) return def.storagePrefix;
  const { plural } = def.storedAs ?? def;
  return `/registry/${SPECIAL_PREFIXES[plural] ?? plural}/`;
}

/** The prefix of a list or watch: one namespace, or every object of the resource. */
export function listPrefix(def: ResourceDefinition, namespace: string): string {
  const base = resourcePrefix(def);
  return def.namespaced && namespace ? `${base}${namespace}/` : base;
}

export function objectKey(def: ResourceDefinition, namespace: string, name: string): string {
  const base = resourcePrefix(def);
  return def.namespaced ? `${base}${namespace}/${name}` : `${base}${name}`;
}
