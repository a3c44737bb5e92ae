// apps/v1 DaemonSet. The internal spec.templateGeneration is, in apps/v1, the annotation
// `deprecated.daemonset.template.generation`: 1 on create, +1 whenever spec.template changes.
import type { KubeObject } from '../../api/types.js';
import { deepEqual, specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, containersAndImages, formatLabelSelector, formatLabels, nameColumn, type LabelSelector } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { immutableField } from './immutable.js';
import { containerColumns, type PodTemplate } from './pod-template.js';
import { statusSubresource } from './subresources.js';
import { validateDaemonSet } from '../../validation/kinds/apps.js';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

interface DaemonSet extends KubeObject {
  spec?: { selector?: LabelSelector; template?: PodTemplate };
  status?: {
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    numberReady?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
  };
}

function templateGeneration(obj: KubeObject): number {
  const value = Number.parseInt(obj.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '', 10);
  return Number.isNaN(value) ? 0 : value;
}

function setTemplateGeneration(obj: KubeObject, value: number): void {
  obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(value) };
}

const statusColumn = (name: string, description: string) => column(name, 'integer', { description });

const table: TablePrinter = {
  columns: [
    nameColumn(),
    statusColumn(
      'Desired',
      'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
    ),
    statusColumn(
      'Current',
      'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
    ),
    statusColumn('Ready', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.'),
    statusColumn('Up-to-date', 'The total number of nodes that are running updated daemon pod'),
    statusColumn(
      'Available',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)',
    ),
    column('Node Selector', 'string', {
      description:
        "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
    }),
    ageColumn(),
    ...containerColumns(),
    column('Selector', 'string', {
      priority: 1,
      description:
        'A label query over pods that are managed by the daemon set. Must match in order to be controlled. If empty, defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
    }),
  ],
  row(obj, now) {
    const { spec, status } = obj as DaemonSet;
    const [containers, images] = containersAndImages(spec?.template);
    return [
      obj.metadata.name ?? '',
      status?.desiredNumberScheduled ?? 0,
      status?.currentNumberScheduled ?? 0,
      status?.numberReady ?? 0,
      status?.updatedNumberScheduled ?? 0,
      status?.numberAvailable ?? 0,
      formatLabels(spec?.template?.spec?.nodeSelector),
      age(obj, now),
      containers,
      images,
      formatLabelSelector(spec?.selector),
    ];
  },
};

export const daemonsets: ResourceDefinition = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  singular: 'daemonset',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  subresources: [statusSubresource],
  storageVersionHash: 'dd7pWHUlMKQ=',
  strategy: {
    // These four DaemonSetStatus counters have no omitempty.
    prepareForCreate(obj) {
      obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
      if (templateGeneration(obj) < 1) setTemplateGeneration(obj, 1);
    },
    prepareForUpdate(obj, old) {
      const previous = templateGeneration(old);
      const templateChanged = !deepEqual((obj as DaemonSet).spec?.template, (old as DaemonSet).spec?.template);
      setTemplateGeneration(obj, templateChanged ? previous + 1 : previous);
    },
    generationChanged: specChanged,
    validate: validateDaemonSet,
    validateUpdate: (obj, old) => [
      ...validateDaemonSet(obj),
      ...immutableField('spec.selector', (obj as DaemonSet).spec?.selector, (old as DaemonSet).spec?.selector),
    ],
  },
  fieldSelection: defaultFieldSelection(true),
  table,
});
