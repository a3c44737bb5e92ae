// batch/v1 validation (pkg/apis/batch/validation): Job and CronJob specs, and a CronJob's job
// template (whose selector is generated, never given).
import { invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { labelSelector, nonNegative } from './common.js';
import { cronScheduleError } from './cron-schedule.js';
import { validatePodTemplateSpec } from './pod-spec.js';
import { templateLabelErrors } from './workload-template.js';
import { obj, str, type Obj } from './values.js';

function jobSpecErrors(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['activeDeadlineSeconds', 'parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished']) errs.push(...nonNegative(`${path}.${f}`, spec[f]));
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed' && spec.completions === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  errs.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  const policy = str(obj(obj(spec.template)?.spec)?.restartPolicy);
  if (policy !== 'OnFailure' && policy !== 'Never') errs.push(notSupported(`${path}.template.spec.restartPolicy`, policy, ['OnFailure', 'Never']));
  return errs;
}

export function validateJob(job: KubeObject): FieldError[] {
  const spec = obj(job.spec) ?? {};
  const errs = jobSpecErrors(spec, 'spec');
  if (spec.selector === undefined) errs.push(required('spec.selector', ''));
  else errs.push(...labelSelector(spec.selector, 'spec.selector'));
  errs.push(...templateLabelErrors(spec));
  return errs;
}

function scheduleErrors(schedule: string): FieldError[] {
  if (!schedule) return [required('spec.schedule', '')];
  const errs: FieldError[] = [];
  const parseError = cronScheduleError(schedule);
  if (parseError) errs.push(invalid('spec.schedule', schedule, parseError));
  if (schedule.includes('TZ')) errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

function jobTemplateErrors(value: unknown): FieldError[] {
  const template = obj(value) ?? {};
  const spec = obj(template.spec) ?? {};
  const errs = jobSpecErrors(spec, 'spec.jobTemplate.spec');
  if (spec.selector !== undefined) errs.push(invalid('spec.jobTemplate.spec.selector', spec.selector, '`selector` will be auto-generated'));
  if (spec.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  return errs;
}

export function validateCronJob(cronJob: KubeObject): FieldError[] {
  const spec = obj(cronJob.spec) ?? {};
  const errs = scheduleErrors(str(spec.schedule));
  errs.push(...nonNegative('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds));
  const policy = str(spec.concurrencyPolicy);
  if (!policy) errs.push(required('spec.concurrencyPolicy', ''));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']));
  errs.push(...jobTemplateErrors(spec.jobTemplate));
  errs.push(...nonNegative('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit), ...nonNegative('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit));
  return errs;
}
