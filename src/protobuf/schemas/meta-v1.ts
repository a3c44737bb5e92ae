// k8s.io/apimachinery/pkg/apis/meta/v1 (generated.proto field numbers, types.go json tags).
// ObjectMeta.managedFields (17) is not listed, so it is skipped: clients do not send it on create.
import type { MessageSchema, SchemaTable } from '../schema-types.js';

/** Label and field selector requirements have the same fields and tags. */
const SELECTOR_REQUIREMENT: MessageSchema = {
  fields: {
    1: { name: 'key', type: 'string', keepZero: true },
    2: { name: 'operator', type: 'string', keepZero: true },
    3: { name: 'values', type: 'string', repeated: true },
  },
};

export const META_V1: SchemaTable = {
  'meta.v1.ObjectMeta': {
    fields: {
      1: { name: 'name', type: 'string' },
      2: { name: 'generateName', type: 'string' },
      3: { name: 'namespace', type: 'string' },
      4: { name: 'selfLink', type: 'string' },
      5: { name: 'uid', type: 'string' },
      6: { name: 'resourceVersion', type: 'string' },
      7: { name: 'generation', type: 'int64' },
      8: { name: 'creationTimestamp', type: 'time' },
      9: { name: 'deletionTimestamp', type: 'time', pointer: true },
      10: { name: 'deletionGracePeriodSeconds', type: 'int64', pointer: true },
      11: { name: 'labels', type: 'map<string,string>' },
      12: { name: 'annotations', type: 'map<string,string>' },
      13: { name: 'ownerReferences', type: 'message:meta.v1.OwnerReference', repeated: true },
      14: { name: 'finalizers', type: 'string', repeated: true },
    },
  },
  'meta.v1.OwnerReference': {
    fields: {
      1: { name: 'kind', type: 'string', keepZero: true },
      3: { name: 'name', type: 'string', keepZero: true },
      4: { name: 'uid', type: 'string', keepZero: true },
      5: { name: 'apiVersion', type: 'string', keepZero: true },
      6: { name: 'controller', type: 'bool', pointer: true },
      7: { name: 'blockOwnerDeletion', type: 'bool', pointer: true },
    },
  },
  'meta.v1.LabelSelectorRequirement': SELECTOR_REQUIREMENT,
  'meta.v1.FieldSelectorRequirement': SELECTOR_REQUIREMENT,
  'meta.v1.Condition': {
    fields: {
      1: { name: 'type', type: 'string', keepZero: true },
      2: { name: 'status', type: 'string', keepZero: true },
      3: { name: 'observedGeneration', type: 'int64' },
      4: { name: 'lastTransitionTime', type: 'time' },
      5: { name: 'reason', type: 'string', keepZero: true },
      6: { name: 'message', type: 'string', keepZero: true },
    },
  },
  'meta.v1.LabelSelector': {
    fields: {
      1: { name: 'matchLabels', type: 'map<string,string>' },
      2: { name: 'matchExpressions', type: 'message:meta.v1.LabelSelectorRequirement', repeated: true },
    },
  },
};
