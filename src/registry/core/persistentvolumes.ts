// core/v1 PersistentVolume: status starts Pending with a phase transition time, and the PV
// printer (pkg/registry/core/persistentvolume/strategy.go).
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn, wide } from '../printing.js';
import { defineResource, SUBRESOURCE_VERBS } from '../resource.js';
import { rfc3339 } from '../../api/time.js';
import type { ResourceList } from './types.js';
import { accessModesString, storageClassOf, volumePhase } from './volumes.js';

interface PersistentVolume extends KubeObject {
  spec?: {
    capacity?: ResourceList;
    accessModes?: string[];
    persistentVolumeReclaimPolicy?: string;
    claimRef?: { namespace?: string; name?: string };
    storageClassName?: string;
    volumeAttributesClassName?: string;
    volumeMode?: string;
  };
  status?: { phase?: string; reason?: string };
}

function row(pv: PersistentVolume, now: Date): string[] {
  const spec = pv.spec ?? {};
  const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
  return [
    pv.metadata.name ?? '',
    spec.capacity?.storage ?? '0',
    accessModesString(spec.accessModes),
    spec.persistentVolumeReclaimPolicy ?? '',
    volumePhase(pv, pv.status?.phase),
    claim,
    storageClassOf(pv, spec.storageClassName),
    spec.volumeAttributesClassName ?? '<unset>',
    pv.status?.reason ?? '',
    age(pv, now),
    spec.volumeMode ?? '<unset>',
  ];
}

export const persistentvolumes = defineResource({
  group: '',
  version: 'v1',
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  singular: 'persistentvolume',
  namespaced: false,
  shortNames: ['pv'],
  storageVersionHash: 'HN/zwEC+JgM=',
  returnsDeletedObject: true,
  subresources: [{ name: 'status', verbs: SUBRESOURCE_VERBS }],
  strategy: {
    // PersistentVolumeLastPhaseTransitionTime is GA in 1.32: a new volume is Pending as of now.
    prepareForCreate: (obj) => {
      obj.status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(new Date()) };
    },
  },
  fieldSelection: defaultFieldSelection(false),
  table: {
    columns: [
      nameColumn(),
      column('Capacity', 'string', {
        description: "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity",
      }),
      column('Access Modes', 'string', {
        description: 'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes',
      }),
      column('Reclaim Policy', 'string', {
        description:
          'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming',
      }),
      column('Status', 'string', {
        description: 'phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase',
      }),
      column('Claim', 'string', {
        description:
          'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding',
      }),
      column('StorageClass', 'string', { description: 'StorageClass of the pv' }),
      column('VolumeAttributesClass', 'string', { description: 'VolumeAttributesClass of the pv' }),
      column('Reason', 'string', {
        description: 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.',
      }),
      ageColumn(),
      wide(
        'VolumeMode',
        'string',
        'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.',
      ),
    ],
    row: (obj, now) => row(obj as PersistentVolume, now),
  },
  nameValidation: 'subdomain',
});
