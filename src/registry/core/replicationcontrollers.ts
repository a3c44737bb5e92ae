// core/v1 ReplicationController: generation follows spec, status starts at zero replicas, the
// scale subresource, the RC printer and the status.replicas field selector.
import type { KubeObject } from '../../api/types.js';
import { specChanged } from '../compare.js';
import { conversionFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, containersAndImages, formatLabels, nameColumn, wide } from '../printing.js';
import { defineResource, SUBRESOURCE_VERBS } from '../resource.js';
import type { PodTemplateSpec } from './types.js';

interface ReplicationController extends KubeObject {
  spec?: { replicas?: number; selector?: Record<string, string>; template?: PodTemplateSpec };
  status?: { replicas?: number; readyReplicas?: number };
}

/** Defaulting sets spec.replicas to 1 when it is missing. */
const desired = (rc: ReplicationController): number => rc.spec?.replicas ?? 1;

export const replicationcontrollers = defineResource({
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  plural: 'replicationcontrollers',
  singular: 'replicationcontroller',
  namespaced: true,
  shortNames: ['rc'],
  categories: ['all'],
  storageVersionHash: 'Jond2If31h0=',
  subresources: [
    { name: 'scale', verbs: SUBRESOURCE_VERBS, responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' } },
    { name: 'status', verbs: SUBRESOURCE_VERBS },
  ],
  strategy: {
    // An empty ReplicationControllerStatus still carries replicas (not omitempty).
    prepareForCreate: (obj) => {
      obj.status = { replicas: 0 };
    },
    generationChanged: specChanged,
  },
  fieldSelection: conversionFieldSelection({
    namespaced: true,
    fields: { 'status.replicas': (obj) => String((obj as ReplicationController).status?.replicas ?? 0) },
  }),
  table: {
    columns: [
      nameColumn(),
      column('Desired', 'integer', {
        description:
          'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller',
      }),
      column('Current', 'integer', {
        description:
          'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller',
      }),
      column('Ready', 'integer', { description: 'The number of ready replicas for this replication controller.' }),
      ageColumn(),
      wide('Containers', 'string', 'Names of each container in the template.'),
      wide('Images', 'string', 'Images referenced by each container in the template.'),
      wide(
        'Selector',
        'string',
        'Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
      ),
    ],
    row(obj, now) {
      const rc = obj as ReplicationController;
      return [
        rc.metadata.name ?? '',
        desired(rc),
        rc.status?.replicas ?? 0,
        rc.status?.readyReplicas ?? 0,
        age(rc, now),
        ...containersAndImages(rc.spec?.template),
        formatLabels(rc.spec?.selector),
      ];
    },
  },
  nameValidation: 'subdomain',
});
