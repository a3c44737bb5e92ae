// storage.k8s.io/v1 CSINode: the CSI drivers registered on a node, named after the node.
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';

interface CSINode extends KubeObject {
  spec?: { drivers?: unknown[] };
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Drivers', 'integer', { description: 'Drivers indicates the number of CSI drivers registered on the node' }),
    ageColumn(),
  ],
  row: (obj, now) => [obj.metadata.name ?? '', (obj as CSINode).spec?.drivers?.length ?? 0, age(obj, now)],
};

export const csinodes: ResourceDefinition = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSINode',
  plural: 'csinodes',
  singular: 'csinode',
  namespaced: false,
  storageVersionHash: 'Pe62DkZtjuo=',
  returnsDeletedObject: true,
  strategy: {},
  fieldSelection: defaultFieldSelection(false),
  table,
});
