// k8s.io/api/apps/v1 Deployment (`kubectl create deployment`).
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const APPS_V1: SchemaTable = {
  'apps.v1.Deployment': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:apps.v1.DeploymentSpec' },
      3: { name: 'status', type: 'message:apps.v1.DeploymentStatus' },
    },
  },
  'apps.v1.DeploymentSpec': {
    fields: {
      1: { name: 'replicas', type: 'int32', pointer: true },
      2: { name: 'selector', type: 'message:meta.v1.LabelSelector', pointer: true },
      3: { name: 'template', type: 'message:core.v1.PodTemplateSpec' },
      4: { name: 'strategy', type: 'message:apps.v1.DeploymentStrategy' },
      5: { name: 'minReadySeconds', type: 'int32' },
      6: { name: 'revisionHistoryLimit', type: 'int32', pointer: true },
      7: { name: 'paused', type: 'bool' },
      9: { name: 'progressDeadlineSeconds', type: 'int32', pointer: true },
    },
  },
  'apps.v1.DeploymentStatus': {
    fields: {
      1: { name: 'observedGeneration', type: 'int64' },
      2: { name: 'replicas', type: 'int32' },
      3: { name: 'updatedReplicas', type: 'int32' },
      4: { name: 'availableReplicas', type: 'int32' },
      5: { name: 'unavailableReplicas', type: 'int32' },
      6: { name: 'conditions', type: 'message:apps.v1.DeploymentCondition', repeated: true },
      7: { name: 'readyReplicas', type: 'int32' },
      8: { name: 'collisionCount', type: 'int32', pointer: true },
    },
  },
  'apps.v1.DeploymentStrategy': {
    fields: {
      1: { name: 'type', type: 'string' },
      2: { name: 'rollingUpdate', type: 'message:apps.v1.RollingUpdateDeployment', pointer: true },
    },
  },
  'apps.v1.DeploymentCondition': {
    fields: {
      1: { name: 'type', type: 'string', keepZero: true },
      2: { name: 'status', type: 'string', keepZero: true },
      4: { name: 'reason', type: 'string' },
      5: { name: 'message', type: 'string' },
      6: { name: 'lastUpdateTime', type: 'time' },
      7: { name: 'lastTransitionTime', type: 'time' },
    },
  },
  'apps.v1.RollingUpdateDeployment': {
    fields: {
      1: { name: 'maxUnavailable', type: 'intorstring', pointer: true },
      2: { name: 'maxSurge', type: 'intorstring', pointer: true },
    },
  },
};
