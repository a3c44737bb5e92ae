// apps/v1 StatefulSet. Generation follows spec; only a few spec fields may change after create.
import { forbidden, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { deepEqual, specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, containersAndImages, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { containerColumns, type PodTemplate } from './pod-template.js';
import { scaleSubresource, statusSubresource } from './subresources.js';
import { validateStatefulSet } from '../../validation/kinds/apps.js';

interface StatefulSet extends KubeObject {
  spec?: { replicas?: number; template?: PodTemplate; [field: string]: unknown };
  status?: { readyReplicas?: number };
}

/** The spec fields ValidateStatefulSetUpdate lets an update change. */
const MUTABLE_SPEC_FIELDS = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
] as const;

function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = { ...((obj as StatefulSet).spec ?? {}) };
  const oldSpec = { ...((old as StatefulSet).spec ?? {}) };
  for (const f of MUTABLE_SPEC_FIELDS) {
    delete spec[f];
    delete oldSpec[f];
  }
  if (deepEqual(spec, oldSpec)) return [];
  return [
    forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Ready', 'string', { description: 'Number of the pod with ready state' }),
    ageColumn(),
    ...containerColumns(),
  ],
  row(obj, now) {
    const { spec, status } = obj as StatefulSet;
    const [containers, images] = containersAndImages(spec?.template);
    return [obj.metadata.name ?? '', `${status?.readyReplicas ?? 0}/${spec?.replicas ?? 0}`, age(obj, now), containers, images];
  },
};

export const statefulsets: ResourceDefinition = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  singular: 'statefulset',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  subresources: [scaleSubresource, statusSubresource],
  storageVersionHash: 'H+vl74LkKdo=',
  strategy: {
    // replicas and availableReplicas have no omitempty in StatefulSetStatus.
    prepareForCreate(obj) {
      obj.status = { replicas: 0, availableReplicas: 0 };
    },
    generationChanged: specChanged,
    validate: validateStatefulSet,
    validateUpdate: (obj, old) => [...validateStatefulSet(obj), ...validateUpdate(obj, old)],
  },
  fieldSelection: defaultFieldSelection(true),
  table,
});
