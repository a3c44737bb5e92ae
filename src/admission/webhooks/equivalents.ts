// matchPolicy Equivalent (EquivalentResourceMapper): the other served versions of the same
// stored resource (same storage prefix, as kube-apiserver keys them), with their kinds and the
// conversion of the request's object into that version and back.
import type { KubeObject } from '../../api/types.js';
import { resourcePrefix } from '../../registry/keys.js';
import type { Registry } from '../../registry/registry.js';
import type { ResourceDefinition } from '../../registry/resource.js';
import type { AdmissionAttributes, GroupVersionResource } from '../interfaces.js';

export interface Equivalent {
  resource: GroupVersionResource;
  kind: { group: string; version: string; kind: string };
  /** The request's object in this version. */
  toEquivalent(obj: KubeObject): KubeObject;
  /** An object of this version back in the request's version. */
  fromEquivalent(obj: KubeObject): KubeObject;
}

const same = (obj: KubeObject): KubeObject => obj;

function conversion(from: ResourceDefinition, to: ResourceDefinition): Pick<Equivalent, 'toEquivalent' | 'fromEquivalent'> {
  if (from.storedAs && from.storedAs.group === to.group && from.storedAs.plural === to.plural) {
    return { toEquivalent: from.storedAs.toStorage, fromEquivalent: from.storedAs.fromStorage };
  }
  if (to.storedAs && to.storedAs.group === from.group && to.storedAs.plural === from.plural) {
    return { toEquivalent: to.storedAs.fromStorage, fromEquivalent: to.storedAs.toStorage };
  }
  return { toEquivalent: same, fromEquivalent: same };
}

/** The request's resource in every other served version, in registry order. */
export function equivalentsOf(attrs: AdmissionAttributes, registry: Registry): Equivalent[] {
  const { group, version, resource } = attrs.resource;
  const served = registry.lookup(group, version, resource);
  if (!served) return [];
  const prefix = resourcePrefix(served.def);
  return registry
    .resources()
    .filter((r) => r.def !== served.def && resourcePrefix(r.def) === prefix)
    .map(({ def }) => ({
      resource: { group: def.group, version: def.version, resource: def.plural },
      kind: { group: def.group, version: def.version, kind: def.kind },
      ...conversion(served.def, def),
    }));
}
