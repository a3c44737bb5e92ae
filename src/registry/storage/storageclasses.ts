// storage.k8s.io/v1 StorageClass. Provisioner, parameters, reclaimPolicy and volumeBindingMode
// are fixed at create; the default class is marked by annotation.
import { forbidden, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { immutableField } from '../apps/immutable.js';
import { deepEqual } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';

const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

interface StorageClass extends KubeObject {
  provisioner?: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  allowVolumeExpansion?: boolean;
}

/** storageutil.IsDefaultAnnotation. */
function isDefaultClass(obj: KubeObject): boolean {
  return DEFAULT_CLASS_ANNOTATIONS.some((a) => obj.metadata.annotations?.[a] === 'true');
}

function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const sc = obj as StorageClass;
  const oldSc = old as StorageClass;
  const errors: FieldError[] = [];
  if (!deepEqual(sc.parameters ?? {}, oldSc.parameters ?? {})) errors.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== oldSc.provisioner) errors.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if ((sc.reclaimPolicy ?? 'Delete') !== (oldSc.reclaimPolicy ?? 'Delete')) {
    errors.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  }
  return [...errors, ...immutableField('volumeBindingMode', sc.volumeBindingMode, oldSc.volumeBindingMode)];
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Provisioner', 'string', { description: 'provisioner indicates the type of the provisioner.' }),
    column('ReclaimPolicy', 'string', {
      description: 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.',
    }),
    column('VolumeBindingMode', 'string', {
      description:
        'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.',
    }),
    column('AllowVolumeExpansion', 'string', { description: 'allowVolumeExpansion shows whether the storage class allow volume expand.' }),
    ageColumn(),
  ],
  row(obj, now) {
    const sc = obj as StorageClass;
    const name = obj.metadata.name ?? '';
    return [
      isDefaultClass(obj) ? `${name} (default)` : name,
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ?? false,
      age(obj, now),
    ];
  },
};

export const storageclasses: ResourceDefinition = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  singular: 'storageclass',
  namespaced: false,
  shortNames: ['sc'],
  storageVersionHash: 'K+m6uJwbjGY=',
  returnsDeletedObject: true,
  strategy: { validateUpdate },
  fieldSelection: defaultFieldSelection(false),
  table,
});
