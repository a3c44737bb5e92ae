// core/v1 PersistentVolumeClaim: status starts Pending, and the PVC printer, which shows the
// bound volume's capacity and access modes only once spec.volumeName is set.
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn, wide } from '../printing.js';
import { defineResource, SUBRESOURCE_VERBS } from '../resource.js';
import type { ResourceList } from './types.js';
import { accessModesString, storageClassOf, volumePhase } from './volumes.js';

interface PersistentVolumeClaim extends KubeObject {
  spec?: { volumeName?: string; storageClassName?: string; volumeAttributesClassName?: string; volumeMode?: string };
  status?: { phase?: string; capacity?: ResourceList; accessModes?: string[] };
}

function row(pvc: PersistentVolumeClaim, now: Date): string[] {
  const spec = pvc.spec ?? {};
  const bound = Boolean(spec.volumeName);
  return [
    pvc.metadata.name ?? '',
    volumePhase(pvc, pvc.status?.phase),
    spec.volumeName ?? '',
    bound ? (pvc.status?.capacity?.storage ?? '0') : '',
    bound ? accessModesString(pvc.status?.accessModes) : '',
    storageClassOf(pvc, spec.storageClassName),
    spec.volumeAttributesClassName ?? '<unset>',
    age(pvc, now),
    spec.volumeMode ?? '<unset>',
  ];
}

export const persistentvolumeclaims = defineResource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  namespaced: true,
  shortNames: ['pvc'],
  storageVersionHash: 'QWTyNDq0dC4=',
  returnsDeletedObject: true,
  subresources: [{ name: 'status', verbs: SUBRESOURCE_VERBS }],
  strategy: {
    // The strategy empties status; defaulting then reads an empty phase as Pending.
    prepareForCreate: (obj) => {
      obj.status = { phase: 'Pending' };
    },
  },
  fieldSelection: defaultFieldSelection(true),
  table: {
    columns: [
      nameColumn(),
      column('Status', 'string', { description: 'phase represents the current phase of PersistentVolumeClaim.' }),
      column('Volume', 'string', { description: 'volumeName is the binding reference to the PersistentVolume backing this claim.' }),
      column('Capacity', 'string', { description: 'capacity represents the actual resources of the underlying volume.' }),
      column('Access Modes', 'string', {
        description:
          'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1',
      }),
      column('StorageClass', 'string', { description: 'StorageClass of the pvc' }),
      column('VolumeAttributesClass', 'string', { description: 'VolumeAttributesClass of the pvc' }),
      ageColumn(),
      wide(
        'VolumeMode',
        'string',
        'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.',
      ),
    ],
    row: (obj, now) => row(obj as PersistentVolumeClaim, now),
  },
  nameValidation: 'subdomain',
});
