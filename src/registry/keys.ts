// Storage keys, shaped like kube-apiserver's etcd keys: /registry/<resource>/<namespace>/<name>
// for core kinds, /registry/<group>/<resource>/... for the others.
import type { ResourceDefinition } from './resource.js';

export function resourcePrefix(def: ResourceDefinition): string {
  const { group, plural } = def.storedAs ?? def;
  return group ? `/registry/${group}/${plural}/` : `/registry/${plural}/`;
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
