// k8s.io/api/batch/v1 Job and CronJob (`kubectl create job|cronjob`).
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const BATCH_V1: SchemaTable = {
  'batch.v1.Job': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:batch.v1.JobSpec' },
      3: { name: 'status', type: 'message:batch.v1.JobStatus' },
    },
  },
  'batch.v1.CronJob': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:batch.v1.CronJobSpec' },
      3: { name: 'status', type: 'message:batch.v1.CronJobStatus' },
    },
  },
  'batch.v1.JobSpec': {
    fields: {
      1: { name: 'parallelism', type: 'int32', pointer: true },
      2: { name: 'completions', type: 'int32', pointer: true },
      3: { name: 'activeDeadlineSeconds', type: 'int64', pointer: true },
      4: { name: 'selector', type: 'message:meta.v1.LabelSelector', pointer: true },
      5: { name: 'manualSelector', type: 'bool', pointer: true },
      6: { name: 'template', type: 'message:core.v1.PodTemplateSpec' },
      7: { name: 'backoffLimit', type: 'int32', pointer: true },
      8: { name: 'ttlSecondsAfterFinished', type: 'int32', pointer: true },
      9: { name: 'completionMode', type: 'string', pointer: true },
      10: { name: 'suspend', type: 'bool', pointer: true },
      11: { name: 'podFailurePolicy', type: 'message:batch.v1.PodFailurePolicy', pointer: true },
      12: { name: 'backoffLimitPerIndex', type: 'int32', pointer: true },
      13: { name: 'maxFailedIndexes', type: 'int32', pointer: true },
      14: { name: 'podReplacementPolicy', type: 'string', pointer: true },
      15: { name: 'managedBy', type: 'string', pointer: true },
      16: { name: 'successPolicy', type: 'message:batch.v1.SuccessPolicy', pointer: true },
    },
  },
  'batch.v1.JobStatus': {
    fields: {
      1: { name: 'conditions', type: 'message:batch.v1.JobCondition', repeated: true },
      2: { name: 'startTime', type: 'time', pointer: true },
      3: { name: 'completionTime', type: 'time', pointer: true },
      4: { name: 'active', type: 'int32' },
      5: { name: 'succeeded', type: 'int32' },
      6: { name: 'failed', type: 'int32' },
      7: { name: 'completedIndexes', type: 'string' },
      8: { name: 'uncountedTerminatedPods', type: 'message:batch.v1.UncountedTerminatedPods', pointer: true },
      9: { name: 'ready', type: 'int32', pointer: true },
      10: { name: 'failedIndexes', type: 'string', pointer: true },
      11: { name: 'terminating', type: 'int32', pointer: true },
    },
  },
  'batch.v1.CronJobSpec': {
    fields: {
      1: { name: 'schedule', type: 'string', keepZero: true },
      2: { name: 'startingDeadlineSeconds', type: 'int64', pointer: true },
      3: { name: 'concurrencyPolicy', type: 'string' },
      4: { name: 'suspend', type: 'bool', pointer: true },
      5: { name: 'jobTemplate', type: 'message:batch.v1.JobTemplateSpec' },
      6: { name: 'successfulJobsHistoryLimit', type: 'int32', pointer: true },
      7: { name: 'failedJobsHistoryLimit', type: 'int32', pointer: true },
      8: { name: 'timeZone', type: 'string', pointer: true },
    },
  },
  'batch.v1.CronJobStatus': {
    fields: {
      1: { name: 'active', type: 'message:core.v1.ObjectReference', repeated: true },
      4: { name: 'lastScheduleTime', type: 'time', pointer: true },
      5: { name: 'lastSuccessfulTime', type: 'time', pointer: true },
    },
  },
  'batch.v1.PodFailurePolicy': {
    fields: {
      1: { name: 'rules', type: 'message:batch.v1.PodFailurePolicyRule', repeated: true },
    },
  },
  'batch.v1.SuccessPolicy': {
    fields: {
      1: { name: 'rules', type: 'message:batch.v1.SuccessPolicyRule', repeated: true },
    },
  },
  'batch.v1.JobCondition': {
    fields: {
      1: { name: 'type', type: 'string', keepZero: true },
      2: { name: 'status', type: 'string', keepZero: true },
      3: { name: 'lastProbeTime', type: 'time' },
      4: { name: 'lastTransitionTime', type: 'time' },
      5: { name: 'reason', type: 'string' },
      6: { name: 'message', type: 'string' },
    },
  },
  'batch.v1.UncountedTerminatedPods': {
    fields: {
      1: { name: 'succeeded', type: 'string', repeated: true },
      2: { name: 'failed', type: 'string', repeated: true },
    },
  },
  'batch.v1.JobTemplateSpec': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:batch.v1.JobSpec' },
    },
  },
  'batch.v1.PodFailurePolicyRule': {
    fields: {
      1: { name: 'action', type: 'string', keepZero: true },
      2: { name: 'onExitCodes', type: 'message:batch.v1.PodFailurePolicyOnExitCodesRequirement', pointer: true },
      3: { name: 'onPodConditions', type: 'message:batch.v1.PodFailurePolicyOnPodConditionsPattern', repeated: true },
    },
  },
  'batch.v1.SuccessPolicyRule': {
    fields: {
      1: { name: 'succeededIndexes', type: 'string', pointer: true },
      2: { name: 'succeededCount', type: 'int32', pointer: true },
    },
  },
  'batch.v1.PodFailurePolicyOnExitCodesRequirement': {
    fields: {
      1: { name: 'containerName', type: 'string', pointer: true },
      2: { name: 'operator', type: 'string', keepZero: true },
      3: { name: 'values', type: 'int32', repeated: true },
    },
  },
  'batch.v1.PodFailurePolicyOnPodConditionsPattern': {
    fields: {
      1: { name: 'type', type: 'string', keepZero: true },
      2: { name: 'status', type: 'string', keepZero: true },
    },
  },
};
