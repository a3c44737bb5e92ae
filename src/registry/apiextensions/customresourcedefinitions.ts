// apiextensions.k8s.io/v1 CustomResourceDefinition (pkg/registry/customresourcedefinition
// strategy.go). Generation follows spec. A create starts the status afresh with the storage
// version as the one stored version; an update keeps the status (the store carries it over) and
// adds a new storage version to status.storedVersions. Writes through /status check only the
// accepted names. Tables are the default ones.
import { newBadRequest } from '../../api/errors.js';
import { deepCopy, type KubeObject } from '../../api/types.js';
import { rfc3339 } from '../../api/time.js';
import { specChanged } from '../compare.js';
import { defaultTable } from '../default-table.js';
import { defaultFieldSelection } from '../field-labels.js';
import { defineResource, SUBRESOURCE_VERBS, type ResourceDefinition, type Strategy } from '../resource.js';
import { decodeSchemaProps } from './schema-decode.js';
import { APIEXTENSIONS_GROUP, type CustomResourceDefinition, type CustomResourceDefinitionStatus, type StructuralCheck } from './types.js';
import { validateCustomResourceDefinition, validateCustomResourceDefinitionStatusUpdate, validateCustomResourceDefinitionUpdate } from './validation.js';

/** The first storage version, appended to status.storedVersions unless already there. */
function recordStorageVersion(crd: CustomResourceDefinition, status: CustomResourceDefinitionStatus): void {
  const storage = crd.spec?.versions?.find((v) => v.storage);
  if (!storage) return;
  const name = storage.name ?? '';
  if (!status.storedVersions?.includes(name)) status.storedVersions = [...(status.storedVersions ?? []), name];
}

/** Removed by the CRD controller once the CRD's custom resources are gone. */
export const CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

/**
 * The CRD's REST Delete (etcd.go): the first DELETE marks it Terminating and adds the cleanup
 * finalizer; the CRD goes when the controller has deleted its custom resources and the finalizer.
 */
function prepareForDelete(obj: KubeObject, now: Date): KubeObject | undefined {
  if (obj.metadata.deletionTimestamp) return obj.metadata.finalizers?.length ? obj : undefined;
  const crd = deepCopy(obj) as CustomResourceDefinition;
  crd.metadata.deletionTimestamp = rfc3339(now);
  crd.metadata.deletionGracePeriodSeconds = 0;
  if (!crd.metadata.finalizers?.includes(CLEANUP_FINALIZER)) crd.metadata.finalizers = [...(crd.metadata.finalizers ?? []), CLEANUP_FINALIZER];
  const terminating = { type: 'Terminating', status: 'True', lastTransitionTime: rfc3339(now), reason: 'InstanceDeletionPending', message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon' };
  const status = (crd.status ??= {});
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'Terminating'), terminating];
  return crd;
}

/**
 * The decoding the kind's OpenAPI document cannot describe: the schemas below `items`,
 * `additionalProperties` and the like (schema-decode.ts). Throws the decoder's 400.
 */
function decodeSchemas(crd: CustomResourceDefinition): void {
  for (const version of crd.spec?.versions ?? []) {
    const message = decodeSchemaProps(version.schema?.openAPIV3Schema, ['spec', 'versions', 'schema', 'openAPIV3Schema']);
    if (message) throw newBadRequest(`CustomResourceDefinition in version "v1" cannot be handled as a CustomResourceDefinition: ${message}`);
  }
}

/** The CRD strategy, with the structural-schema check its validation applies to each schema. */
function customResourceDefinitionStrategy(structural: StructuralCheck): Strategy {
  return {
    prepareForCreate(obj: KubeObject) {
      const crd = obj as CustomResourceDefinition;
      decodeSchemas(crd);
      // Go's zero status as it encodes: acceptedNames' plural and kind are not omitempty.
      const status: CustomResourceDefinitionStatus = { acceptedNames: { plural: '', kind: '' } };
      recordStorageVersion(crd, status);
      crd.status = status;
    },
    prepareForUpdate(obj: KubeObject) {
      const crd = obj as CustomResourceDefinition;
      decodeSchemas(crd);
      recordStorageVersion(crd, (crd.status ??= {}));
    },
    allowUnconditionalUpdate: false,
    generationChanged: specChanged,
    validate: (obj) => validateCustomResourceDefinition(obj, structural),
    validateUpdate: (obj, old) => validateCustomResourceDefinitionUpdate(obj, old, structural),
    validateStatusUpdate: validateCustomResourceDefinitionStatusUpdate,
    prepareForDelete,
  };
}

export function customResourceDefinitions(structural: StructuralCheck): ResourceDefinition {
  return defineResource({
    group: APIEXTENSIONS_GROUP,
    version: 'v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    singular: 'customresourcedefinition',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    subresources: [{ name: 'status', verbs: SUBRESOURCE_VERBS }],
    storageVersionHash: 'jfWCUB31mvA=',
    storagePrefix: `/registry/${APIEXTENSIONS_GROUP}/customresourcedefinitions/`,
    strategy: customResourceDefinitionStrategy(structural),
    fieldSelection: defaultFieldSelection(false),
    table: defaultTable,
  });
}
