// k8s.io/api/core/v1 (generated.proto field numbers, types.go json tags).
import type { SchemaTable } from '../schema-types.js';

export const CORE_V1: SchemaTable = {
  'core.v1.Namespace': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:core.v1.NamespaceSpec' },
      3: { name: 'status', type: 'message:core.v1.NamespaceStatus' },
    },
  },
  'core.v1.NamespaceSpec': {
    fields: {
      1: { name: 'finalizers', type: 'string', repeated: true },
    },
  },
  'core.v1.NamespaceStatus': {
    fields: {
      1: { name: 'phase', type: 'string' },
      2: { name: 'conditions', type: 'message:core.v1.NamespaceCondition', repeated: true },
    },
  },
  'core.v1.NamespaceCondition': {
    fields: {
      1: { name: 'type', type: 'string', keepZero: true },
      2: { name: 'status', type: 'string', keepZero: true },
      4: { name: 'lastTransitionTime', type: 'time' },
      5: { name: 'reason', type: 'string' },
      6: { name: 'message', type: 'string' },
    },
  },
};
