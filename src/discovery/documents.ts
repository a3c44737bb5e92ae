// The discovery documents: legacy (/api, /apis, /api/v1, /apis/<g>, /apis/<g>/<v>) and
// aggregated (apidiscovery.k8s.io v2 and v2beta1), built from the registry once and kept as
// strings, since clients fetch them on every invocation.
import type { ResourceDefinition, SubresourceDefinition } from '../registry/resource.js';
import { compareGroups, compareVersions } from './group-order.js';

export interface DiscoverySource {
  definitions: readonly ResourceDefinition[];
  /** Whether the server has a handler for a subresource; undeclared ones are never listed. */
  serves(def: ResourceDefinition, sub: SubresourceDefinition): boolean;
  serverAddress: string;
}

interface GroupVersions {
  group: string;
  versions: string[];
}

function groupsOf(defs: readonly ResourceDefinition[]): GroupVersions[] {
  const byGroup = new Map<string, Set<string>>();
  for (const d of defs) {
    if (!d.group) continue;
    const set = byGroup.get(d.group) ?? new Set<string>();
    set.add(d.version);
    byGroup.set(d.group, set);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => compareGroups(a, b))
    .map(([group, versions]) => ({ group, versions: [...versions].sort(compareVersions) }));
}

function byPlural(a: ResourceDefinition, b: ResourceDefinition): number {
  return a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0;
}

function legacyResourceList(src: DiscoverySource, group: string, version: string): object {
  const resources: object[] = [];
  for (const d of src.definitions.filter((x) => x.group === group && x.version === version).sort(byPlural)) {
    const entry: Record<string, unknown> = { name: d.plural, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.discoveryVerbs?.() ?? d.verbs };
    if (d.shortNames?.length) entry.shortNames = d.shortNames;
    if (d.categories?.length) entry.categories = d.categories;
    if (d.storageVersionHash) entry.storageVersionHash = d.storageVersionHash;
    resources.push(entry);
    for (const s of d.subresources ?? []) {
      if (!src.serves(d, s)) continue;
      const sub: Record<string, unknown> = { name: `${d.plural}/${s.name}`, singularName: '', namespaced: d.namespaced };
      const kind = s.responseKind;
      if (kind && (kind.group !== group || kind.version !== version)) {
        sub.group = kind.group;
        sub.version = kind.version;
      }
      sub.kind = kind?.kind ?? d.kind;
      sub.verbs = s.verbs;
      resources.push(sub);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

function responseKind(group: string, version: string, kind: { group: string; version: string; kind: string }): object {
  const same = kind.group === group && kind.version === version;
  return { group: same ? '' : kind.group, version: same ? '' : kind.version, kind: kind.kind };
}

function aggregatedResource(src: DiscoverySource, d: ResourceDefinition): object {
  // Custom resources' entries (customresource_discovery_controller.go) name their group version.
  const own = d.declaredSchema ? { group: d.group, version: d.version } : { group: '', version: '' };
  const entry: Record<string, unknown> = {
    resource: d.plural,
    responseKind: { ...own, kind: d.kind },
    scope: d.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: d.singular,
    verbs: d.discoveryVerbs?.() ?? d.verbs,
  };
  if (d.shortNames?.length) entry.shortNames = d.shortNames;
  if (d.categories?.length) entry.categories = d.categories;
  const subs = (d.subresources ?? []).filter((s) => src.serves(d, s));
  if (subs.length) {
    entry.subresources = subs.map((s) => ({
      subresource: s.name,
      responseKind: s.responseKind ? responseKind(d.group, d.version, s.responseKind) : { ...own, kind: d.kind },
      verbs: s.verbs,
    }));
  }
  return entry;
}

function aggregatedGroup(src: DiscoverySource, group: string, versions: string[]): object {
  const metadata: Record<string, unknown> = group ? { name: group, creationTimestamp: null } : { creationTimestamp: null };
  return {
    metadata,
    versions: versions.map((version) => ({
      version,
      resources: src.definitions.filter((d) => d.group === group && d.version === version).sort(byPlural).map((d) => aggregatedResource(src, d)),
      freshness: 'Current',
    })),
  };
}

export interface DiscoveryDocuments {
  /** `/api` legacy (APIVersions). */
  apiVersions: string;
  /** `/apis` legacy (APIGroupList). */
  apiGroupList: string;
  /** `/apis/<group>` (APIGroup), by group. */
  apiGroup: Map<string, string>;
  /** `/api/v1` and `/apis/<g>/<v>` (APIResourceList), by group version path. */
  resourceLists: Map<string, string>;
  /** Aggregated `/api` and `/apis`, by discovery version (v2, v2beta1). */
  aggregatedApi: Map<string, string>;
  aggregatedApis: Map<string, string>;
}

export function buildDiscovery(src: DiscoverySource): DiscoveryDocuments {
  const groups = groupsOf(src.definitions);
  const groupEntry = (g: GroupVersions): object => ({
    name: g.group,
    versions: g.versions.map((v) => ({ groupVersion: `${g.group}/${v}`, version: v })),
    preferredVersion: { groupVersion: `${g.group}/${g.versions[0]}`, version: g.versions[0] },
  });
  const docs: DiscoveryDocuments = {
    apiVersions: JSON.stringify({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: src.serverAddress }] }),
    apiGroupList: JSON.stringify({ kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(groupEntry) }),
    apiGroup: new Map(groups.map((g) => [g.group, JSON.stringify({ kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g) })])),
    resourceLists: new Map(),
    aggregatedApi: new Map(),
    aggregatedApis: new Map(),
  };
  docs.resourceLists.set('v1', JSON.stringify(legacyResourceList(src, '', 'v1')));
  for (const g of groups) for (const v of g.versions) docs.resourceLists.set(`${g.group}/${v}`, JSON.stringify(legacyResourceList(src, g.group, v)));
  for (const dv of ['v2', 'v2beta1']) {
    const list = (items: object[]): string => JSON.stringify({ kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${dv}`, metadata: {}, items });
    docs.aggregatedApi.set(dv, list([aggregatedGroup(src, '', ['v1'])]));
    docs.aggregatedApis.set(dv, list(groups.map((g) => aggregatedGroup(src, g.group, g.versions))));
  }
  return docs;
}
