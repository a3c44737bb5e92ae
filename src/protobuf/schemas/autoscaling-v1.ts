// k8s.io/api/autoscaling/v1 HorizontalPodAutoscaler (`kubectl autoscale`).
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const AUTOSCALING_V1: SchemaTable = {
  'autoscaling.v1.HorizontalPodAutoscaler': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:autoscaling.v1.HorizontalPodAutoscalerSpec' },
      3: { name: 'status', type: 'message:autoscaling.v1.HorizontalPodAutoscalerStatus' },
    },
  },
  'autoscaling.v1.HorizontalPodAutoscalerSpec': {
    fields: {
      1: { name: 'scaleTargetRef', type: 'message:autoscaling.v1.CrossVersionObjectReference' },
      2: { name: 'minReplicas', type: 'int32', pointer: true },
      3: { name: 'maxReplicas', type: 'int32', keepZero: true },
      4: { name: 'targetCPUUtilizationPercentage', type: 'int32', pointer: true },
    },
  },
  'autoscaling.v1.HorizontalPodAutoscalerStatus': {
    fields: {
      1: { name: 'observedGeneration', type: 'int64', pointer: true },
      2: { name: 'lastScaleTime', type: 'time', pointer: true },
      3: { name: 'currentReplicas', type: 'int32', keepZero: true },
      4: { name: 'desiredReplicas', type: 'int32', keepZero: true },
      5: { name: 'currentCPUUtilizationPercentage', type: 'int32', pointer: true },
    },
  },
  'autoscaling.v1.CrossVersionObjectReference': {
    fields: {
      1: { name: 'kind', type: 'string', keepZero: true },
      2: { name: 'name', type: 'string', keepZero: true },
      3: { name: 'apiVersion', type: 'string' },
    },
  },
};
