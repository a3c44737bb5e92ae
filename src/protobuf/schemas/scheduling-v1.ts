// k8s.io/api/scheduling/v1 PriorityClass (`kubectl create priorityclass`).
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const SCHEDULING_V1: SchemaTable = {
  'scheduling.v1.PriorityClass': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'value', type: 'int32', keepZero: true },
      3: { name: 'globalDefault', type: 'bool' },
      4: { name: 'description', type: 'string' },
      5: { name: 'preemptionPolicy', type: 'string', pointer: true },
    },
  },
};
