// apps/v1 Deployment. Generation follows spec and metadata.annotations; the selector is fixed
// once created (apps/v1 rule, not the extensions/v1beta1 one).
import type { KubeObject } from '../../api/types.js';
import { deepEqual, specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, containersAndImages, nameColumn, type LabelSelector } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { immutableField } from './immutable.js';
import { containerColumns, type PodTemplate } from './pod-template.js';
import { labelSelectorString } from './selector-string.js';
import { deploymentStatusSubresource, scaleSubresource } from './subresources.js';
import { validateDeployment } from '../../validation/kinds/apps.js';

interface Deployment extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate };
  status?: { readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number };
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Ready', 'string', { description: 'Number of the pod with ready state' }),
    column('Up-to-date', 'string', {
      description: 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
    }),
    column('Available', 'string', {
      description: 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
    }),
    ageColumn(),
    ...containerColumns(),
    column('Selector', 'string', {
      priority: 1,
      description: 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
    }),
  ],
  row(obj, now) {
    const { spec, status } = obj as Deployment;
    const [containers, images] = containersAndImages(spec?.template);
    return [
      obj.metadata.name ?? '',
      `${status?.readyReplicas ?? 0}/${spec?.replicas ?? 0}`,
      status?.updatedReplicas ?? 0,
      status?.availableReplicas ?? 0,
      age(obj, now),
      containers,
      images,
      labelSelectorString(spec?.selector),
    ];
  },
};

export const deployments: ResourceDefinition = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  singular: 'deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  subresources: [scaleSubresource, deploymentStatusSubresource],
  storageVersionHash: '8aSe+NMegvE=',
  strategy: {
    prepareForCreate(obj) {
      obj.status = {};
    },
    generationChanged: (obj, old) => specChanged(obj, old) || !deepEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {}),
    validate: validateDeployment,
    validateUpdate: (obj, old) => [
      ...validateDeployment(obj),
      ...immutableField('spec.selector', (obj as Deployment).spec?.selector, (old as Deployment).spec?.selector),
    ],
  },
  fieldSelection: defaultFieldSelection(true),
  table,
});
