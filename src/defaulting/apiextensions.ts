// SetObjectDefaults_CustomResourceDefinition (apiextensions-apiserver pkg/apis/apiextensions/v1
// defaults.go): names.singular from the kind, names.listKind `<kind>List`, conversion strategy
// None, port 443 for a conversion webhook service, and the storage version as the first stored
// version. Schemas are left as they are.
import type { KubeObject } from '../api/types.js';
import type { CustomResourceDefinition } from '../registry/apiextensions/types.js';

export function defaultCustomResourceDefinition(obj: KubeObject): void {
  const crd = obj as CustomResourceDefinition;
  const spec = (crd.spec ??= {});
  const service = spec.conversion?.webhook?.clientConfig?.service;
  if (service) service.port ??= 443;
  const kind = spec.names?.kind;
  if (spec.names && kind) {
    if (!spec.names.singular) spec.names.singular = kind.toLowerCase();
    if (!spec.names.listKind) spec.names.listKind = `${kind}List`;
  }
  spec.conversion ??= { strategy: 'None' };
  if (crd.status?.storedVersions?.length) return;
  const storage = spec.versions?.find((v) => v.storage);
  if (storage) (crd.status ??= {}).storedVersions = [storage.name ?? ''];
}
