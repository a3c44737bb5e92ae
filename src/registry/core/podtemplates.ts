// core/v1 PodTemplate: generation follows the template, and the printer shows its containers,
// images and pod labels (no Age column).
import type { KubeObject } from '../../api/types.js';
import { deepEqual } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { column, containersAndImages, formatLabels, nameColumn } from '../printing.js';
import { defineResource } from '../resource.js';
import type { PodTemplateSpec } from './types.js';

interface PodTemplate extends KubeObject {
  template?: PodTemplateSpec;
}

export const podtemplates = defineResource({
  group: '',
  version: 'v1',
  kind: 'PodTemplate',
  plural: 'podtemplates',
  singular: 'podtemplate',
  namespaced: true,
  storageVersionHash: 'LIXB2x4IFpk=',
  returnsDeletedObject: true,
  strategy: {
    generationChanged: (obj, old) => !deepEqual(obj.template, old.template),
  },
  fieldSelection: defaultFieldSelection(true),
  table: {
    columns: [
      nameColumn(),
      column('Containers', 'string', { description: 'Names of each container in the template.' }),
      column('Images', 'string', { description: 'Images referenced by each container in the template.' }),
      column('Pod Labels', 'string', { description: 'The labels for the pod template.' }),
    ],
    row(obj) {
      const template = (obj as PodTemplate).template;
      return [obj.metadata.name ?? '', ...containersAndImages(template), formatLabels(template?.metadata?.labels)];
    },
  },
  nameValidation: 'subdomain',
});
