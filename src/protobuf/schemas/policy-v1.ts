// k8s.io/api/policy/v1 PodDisruptionBudget (`kubectl create poddisruptionbudget`).
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const POLICY_V1: SchemaTable = {
  'policy.v1.PodDisruptionBudget': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:policy.v1.PodDisruptionBudgetSpec' },
      3: { name: 'status', type: 'message:policy.v1.PodDisruptionBudgetStatus' },
    },
  },
  'policy.v1.PodDisruptionBudgetSpec': {
    fields: {
      1: { name: 'minAvailable', type: 'intorstring', pointer: true },
      2: { name: 'selector', type: 'message:meta.v1.LabelSelector', pointer: true },
      3: { name: 'maxUnavailable', type: 'intorstring', pointer: true },
      4: { name: 'unhealthyPodEvictionPolicy', type: 'string', pointer: true },
    },
  },
  'policy.v1.PodDisruptionBudgetStatus': {
    fields: {
      1: { name: 'observedGeneration', type: 'int64' },
      2: { name: 'disruptedPods', type: 'map<string,time>' },
      3: { name: 'disruptionsAllowed', type: 'int32', keepZero: true },
      4: { name: 'currentHealthy', type: 'int32', keepZero: true },
      5: { name: 'desiredHealthy', type: 'int32', keepZero: true },
      6: { name: 'expectedPods', type: 'int32', keepZero: true },
      7: { name: 'conditions', type: 'message:meta.v1.Condition', repeated: true },
    },
  },
};
