// storage.k8s.io/v1 VolumeAttachment: an attach request for a CSI volume. The spec is fixed.
import type { KubeObject } from '../../api/types.js';
import { immutableField } from '../apps/immutable.js';
import { statusSubresource } from '../apps/subresources.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';

interface VolumeAttachment extends KubeObject {
  spec?: { attacher?: string; nodeName?: string; source?: { persistentVolumeName?: string } };
  status?: { attached?: boolean };
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    // printers.go gives this column format "name" too.
    column('Attacher', 'string', {
      format: 'name',
      description: 'attacher indicates the name of the volume driver that MUST handle this request. This is the name returned by GetPluginName().',
    }),
    column('PV', 'string', { description: 'persistentVolumeName represents the name of the persistent volume to attach.' }),
    column('Node', 'string', { description: 'nodeName represents the node that the volume should be attached to.' }),
    column('Attached', 'boolean', {
      description:
        'attached indicates the volume is successfully attached. This field must only be set by the entity completing the attach operation, i.e. the external-attacher.',
    }),
    ageColumn(),
  ],
  row(obj, now) {
    const { spec, status } = obj as VolumeAttachment;
    return [
      obj.metadata.name ?? '',
      spec?.attacher ?? '',
      spec?.source?.persistentVolumeName ?? '',
      spec?.nodeName ?? '',
      status?.attached ?? false,
      age(obj, now),
    ];
  },
};

export const volumeattachments: ResourceDefinition = defineResource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'VolumeAttachment',
  plural: 'volumeattachments',
  singular: 'volumeattachment',
  namespaced: false,
  subresources: [statusSubresource],
  storageVersionHash: 'tJx/ezt6UDU=',
  returnsDeletedObject: true,
  strategy: {
    // VolumeAttachmentStatus.attached has no omitempty.
    prepareForCreate(obj) {
      obj.status = { attached: false };
    },
    validateUpdate: (obj, old) => immutableField('spec', (obj as VolumeAttachment).spec, (old as VolumeAttachment).spec),
  },
  fieldSelection: defaultFieldSelection(false),
  table,
});
