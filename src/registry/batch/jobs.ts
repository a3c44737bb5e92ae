// batch/v1 Job. DELETE orphans its pods unless told otherwise. The selector is generated on create
// (unless manualSelector) and fixed after; the pod template is fixed except for scheduling
// directives while a never-started Job is suspended.
import type { FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { immutableField } from '../apps/immutable.js';
import { containerColumns, type PodTemplate } from '../apps/pod-template.js';
import { statusSubresource } from '../apps/subresources.js';
import { deepEqual, specChanged } from '../compare.js';
import { conversionFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, containersAndImages, formatLabelSelector, humanDuration, nameColumn, since, type LabelSelector } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { generateJobSelector } from './job-selector.js';
import { validateJob } from '../../validation/kinds/batch.js';

interface JobCondition {
  type?: string;
  status?: string;
}

type JobPodTemplate = PodTemplate & { spec?: Record<string, unknown> };

export interface Job extends KubeObject {
  spec?: {
    completions?: number;
    parallelism?: number;
    completionMode?: string;
    suspend?: boolean;
    selector?: LabelSelector;
    template?: JobPodTemplate;
  };
  status?: { succeeded?: number; startTime?: string; completionTime?: string; conditions?: JobCondition[] };
}

/** The status of the first condition of that type is True (printers.go hasJobCondition). */
function hasCondition(job: Job, type: string): boolean {
  return job.status?.conditions?.find((c) => c.type === type)?.status === 'True';
}

function jobStatus(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function duration(job: Job, now: Date): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  return end ? humanDuration(Date.parse(end) - Date.parse(start)) : since(start, now);
}

/** The wide Selector column, as Jobs and CronJobs print it. */
export const SELECTOR_COLUMN = column('Selector', 'string', {
  priority: 1,
  description:
    'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
});

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Status', 'string', { description: 'Status of the job.' }),
    column('Completions', 'string', {
      description:
        'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.',
    }),
    column('Duration', 'string', { description: 'Time required to complete the job.' }),
    ageColumn(),
    ...containerColumns(),
    SELECTOR_COLUMN,
  ],
  row(obj, now) {
    const job = obj as Job;
    const [containers, images] = containersAndImages(job.spec?.template);
    return [
      obj.metadata.name ?? '',
      jobStatus(job),
      completions(job),
      duration(job, now),
      age(obj, now),
      containers,
      images,
      formatLabelSelector(job.spec?.selector),
    ];
  },
};

/** Pod template fields a suspended Job that never started may still change. */
const SCHEDULING_DIRECTIVES = ['nodeSelector', 'tolerations', 'affinity', 'schedulingGates'] as const;

function withoutSchedulingDirectives(template: JobPodTemplate | undefined): unknown {
  const spec: Record<string, unknown> = { ...(template?.spec ?? {}) };
  for (const f of SCHEDULING_DIRECTIVES) delete spec[f];
  return { spec, metadata: { ...template?.metadata, labels: undefined, annotations: undefined } };
}

function validateTemplateUpdate(job: Job, old: Job): FieldError[] {
  const template = job.spec?.template;
  const oldTemplate = old.spec?.template;
  const mayReschedule = old.spec?.suspend === true && !old.status?.startTime;
  if (mayReschedule && deepEqual(withoutSchedulingDirectives(template), withoutSchedulingDirectives(oldTemplate))) return [];
  return immutableField('spec.template', template, oldTemplate);
}

/** spec.completions may change only for an Indexed Job that keeps completions == parallelism. */
function validateCompletionsUpdate(job: Job, old: Job): FieldError[] {
  const spec = job.spec;
  const elastic = spec?.completionMode === 'Indexed' && spec.completions === spec.parallelism;
  return elastic ? [] : immutableField('spec.completions', spec?.completions, old.spec?.completions);
}

export const jobs: ResourceDefinition = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  singular: 'job',
  namespaced: true,
  categories: ['all'],
  subresources: [statusSubresource],
  storageVersionHash: 'mudhfqk/qZY=',
  strategy: {
    prepareForCreate(obj) {
      obj.status = {};
      generateJobSelector(obj);
    },
    generationChanged: specChanged,
    validate: validateJob,
    validateUpdate: (obj, old) => [
      ...validateJob(obj),
      ...immutableField('spec.selector', (obj as Job).spec?.selector, (old as Job).spec?.selector),
      ...validateTemplateUpdate(obj as Job, old as Job),
      ...validateCompletionsUpdate(obj as Job, old as Job),
    ],
    defaultGCPolicy: 'Orphan',
  },
  fieldSelection: conversionFieldSelection({
    namespaced: true,
    fields: { 'status.successful': (obj) => String((obj as Job).status?.succeeded ?? 0) },
    reject: (label) => `field label "${label}" not supported for Job`,
  }),
  table,
});
