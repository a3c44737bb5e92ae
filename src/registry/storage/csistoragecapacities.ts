// storage.k8s.io/v1 CSIStorageCapacity. printers.go has a printer for it, but its storage keeps
// the default table convertor, so the server answers Name and Created At.
import { defaultTable } from '../default-table.js';
import { defaultFieldSelection } from '../field-labels.js';
import { defineResource, type ResourceDefinition } from '../resource.js';

export const csistoragecapacities: ResourceDefinition = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSIStorageCapacity',
  plural: 'csistoragecapacities',
  singular: 'csistoragecapacity',
  namespaced: true,
  storageVersionHash: 'xeVl+2Ly1kE=',
  strategy: {},
  fieldSelection: defaultFieldSelection(true),
  table: defaultTable,
});
