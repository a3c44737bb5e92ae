// coordination.k8s.io/v1 Lease: leader election and node heartbeats. No generation.
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { validateLease } from '../../validation/kinds/lease.js';

interface Lease extends KubeObject {
  spec?: { holderIdentity?: string };
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Holder', 'string', {
      description:
        'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.',
    }),
    ageColumn(),
  ],
  row: (obj, now) => [obj.metadata.name ?? '', (obj as Lease).spec?.holderIdentity ?? '', age(obj, now)],
};

export const leases: ResourceDefinition = defineResource({
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  singular: 'lease',
  namespaced: true,
  storageVersionHash: 'gqkMMb/YqFM=',
  strategy: { validate: validateLease, validateUpdate: validateLease },
  fieldSelection: defaultFieldSelection(true),
  table,
});
