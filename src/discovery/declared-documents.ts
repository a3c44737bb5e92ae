// The OpenAPI v3 documents of the group versions custom resources are served in, rebuilt from
// the stored CustomResourceDefinitions whenever the registry's declared kinds change.
import type { KubeObject } from '../api/types.js';
import type { Schema } from '../openapi/schema-catalog.js';
import type { Registry } from '../registry/registry.js';
import type { CustomResourceDefinition } from '../registry/apiextensions/types.js';
import { buildCustomResourceOpenAPI, customResourceDocumentPath } from './custom-resource-openapi.js';

/** One document per group version some declared kind is served in, from the CRDs declaring them. */
export function declaredDocuments(registry: Registry, commonSchemas: Record<string, Schema>): Map<string, object> {
  const served = new Set<string>();
  for (const { def } of registry.resources()) if (def.declaredSchema) served.add(`${def.group}/${def.version}/${def.plural}`);
  const byGroupVersion = new Map<string, { group: string; version: string; crds: KubeObject[] }>();
  const crds = registry.store('apiextensions.k8s.io', 'customresourcedefinitions');
  for (const crd of registry.storage.list(crds.prefix('')).items as CustomResourceDefinition[]) {
    const group = crd.spec?.group ?? '';
    // Served kinds go by the names a CRD was given: one whose names are refused serves nothing.
    const plural = crd.status?.acceptedNames?.plural;
    for (const { name: version = '' } of crd.spec?.versions ?? []) {
      if (!served.has(`${group}/${version}/${plural}`)) continue;
      const path = customResourceDocumentPath(group, version);
      const entry = byGroupVersion.get(path) ?? { group, version, crds: [] };
      entry.crds.push(crd);
      byGroupVersion.set(path, entry);
    }
  }
  return new Map([...byGroupVersion].map(([path, e]) => [path, buildCustomResourceOpenAPI(e.group, e.version, e.crds, commonSchemas)]));
}
