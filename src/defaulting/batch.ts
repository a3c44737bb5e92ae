// batch/v1 SetDefaults_Job and SetDefaults_CronJob (pkg/apis/batch/v1/defaults.go). A CronJob's
// job template gets the pod template's defaults but not the Job's own.
import type { KubeObject } from '../api/types.js';
import { child, ensureChild, fill, items } from './fields.js';
import { defaultPodTemplate } from './pod-spec.js';

/** math.MaxInt32: the backoff limit of a Job that limits backoff per index instead. */
const MAX_INT32 = 2147483647;

function defaultPodFailurePolicy(policy: Record<string, unknown> | undefined): void {
  for (const rule of items(policy, 'rules')) for (const pattern of items(rule, 'onPodConditions')) fill(pattern, { status: 'True' });
}

export function defaultJob(job: KubeObject): void {
  const spec = ensureChild(job, 'spec');
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  fill(spec, {
    parallelism: 1,
    backoffLimit: spec.backoffLimitPerIndex === undefined ? 6 : MAX_INT32,
    completionMode: 'NonIndexed',
    suspend: false,
    podReplacementPolicy: spec.podFailurePolicy === undefined ? 'TerminatingOrFailed' : 'Failed',
  });
  defaultPodFailurePolicy(child(spec, 'podFailurePolicy'));
  const template = ensureChild(spec, 'template');
  const labels = child(child(template, 'metadata'), 'labels') as Record<string, string> | undefined;
  if (labels && !Object.keys(job.metadata.labels ?? {}).length) job.metadata.labels = { ...labels };
  defaultPodTemplate(template);
}

export function defaultCronJob(cronJob: KubeObject): void {
  const spec = ensureChild(cronJob, 'spec');
  fill(spec, { concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
  const jobTemplate = ensureChild(spec, 'jobTemplate');
  fill(ensureChild(jobTemplate, 'metadata'), { creationTimestamp: null });
  defaultPodTemplate(ensureChild(ensureChild(jobTemplate, 'spec'), 'template'));
}
