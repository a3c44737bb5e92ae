// apps/v1 ReplicaSet. Generation follows spec; the selector is fixed once created.
import type { KubeObject } from '../../api/types.js';
import { specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, containersAndImages, formatLabelSelector, nameColumn, type LabelSelector } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { immutableField } from './immutable.js';
import { containerColumns, type PodTemplate } from './pod-template.js';
import { scaleSubresource, statusSubresource } from './subresources.js';
import { validateReplicaSet } from '../../validation/kinds/apps.js';

interface ReplicaSet extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate };
  status?: { replicas?: number; readyReplicas?: number };
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', {
      description:
        'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller',
    }),
    column('Current', 'integer', {
      description:
        'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller',
    }),
    column('Ready', 'integer', { description: 'The number of ready replicas for this replica set.' }),
    ageColumn(),
    ...containerColumns(),
    column('Selector', 'string', {
      priority: 1,
      description:
        'Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
    }),
  ],
  row(obj, now) {
    const { spec, status } = obj as ReplicaSet;
    const [containers, images] = containersAndImages(spec?.template);
    return [
      obj.metadata.name ?? '',
      spec?.replicas ?? 0,
      status?.replicas ?? 0,
      status?.readyReplicas ?? 0,
      age(obj, now),
      containers,
      images,
      formatLabelSelector(spec?.selector),
    ];
  },
};

export const replicasets: ResourceDefinition = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  singular: 'replicaset',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  subresources: [scaleSubresource, statusSubresource],
  storageVersionHash: 'P1RzHs8/mWQ=',
  strategy: {
    // ReplicaSetStatus.replicas has no omitempty: a new object shows `replicas: 0`.
    prepareForCreate(obj) {
      obj.status = { replicas: 0 };
    },
    generationChanged: specChanged,
    validate: validateReplicaSet,
    validateUpdate: (obj, old) => [
      ...validateReplicaSet(obj),
      ...immutableField('spec.selector', (obj as ReplicaSet).spec?.selector, (old as ReplicaSet).spec?.selector),
    ],
  },
  fieldSelection: defaultFieldSelection(true),
  table,
});
