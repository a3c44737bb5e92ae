// batch/v1 CronJob. Its name is cut to 52 characters so that `<name>-<timestamp>` Job names fit.
import { invalid } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { containerColumns, type PodTemplate } from '../apps/pod-template.js';
import { statusSubresource } from '../apps/subresources.js';
import { specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, containersAndImages, formatLabelSelector, nameColumn, since, type LabelSelector } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { validateCronJob } from '../../validation/kinds/batch.js';
import { SELECTOR_COLUMN } from './jobs.js';

/** DNS-1035 label length (63) minus the 11 characters the controller appends. */
const MAX_NAME_LENGTH = 52;

interface CronJob extends KubeObject {
  spec?: {
    schedule?: string;
    timeZone?: string;
    suspend?: boolean;
    jobTemplate?: { spec?: { selector?: LabelSelector; template?: PodTemplate } };
  };
  status?: { active?: unknown[]; lastScheduleTime?: string };
}

/** printers.go printBoolPtr. */
function boolPtr(value: boolean | undefined): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Schedule', 'string', { description: 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.' }),
    column('Timezone', 'string', {
      description:
        'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
    }),
    column('Suspend', 'boolean', {
      description: 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.',
    }),
    column('Active', 'integer', { description: 'A list of pointers to currently running jobs.' }),
    column('Last Schedule', 'string', { description: 'Information when was the last time the job was successfully scheduled.' }),
    ageColumn(),
    ...containerColumns(),
    SELECTOR_COLUMN,
  ],
  row(obj, now) {
    const { spec, status } = obj as CronJob;
    const jobSpec = spec?.jobTemplate?.spec;
    const [containers, images] = containersAndImages(jobSpec?.template);
    return [
      obj.metadata.name ?? '',
      spec?.schedule ?? '',
      spec?.timeZone ?? '<none>',
      boolPtr(spec?.suspend),
      status?.active?.length ?? 0,
      status?.lastScheduleTime ? since(status.lastScheduleTime, now) : '<none>',
      age(obj, now),
      containers,
      images,
      formatLabelSelector(jobSpec?.selector),
    ];
  },
};

export const cronjobs: ResourceDefinition = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  singular: 'cronjob',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  subresources: [statusSubresource],
  storageVersionHash: 'sd5LIXh4Fjs=',
  strategy: {
    prepareForCreate(obj) {
      obj.status = {};
    },
    generationChanged: specChanged,
    validate(obj) {
      const name = obj.metadata.name ?? '';
      const nameErrors = name.length > MAX_NAME_LENGTH ? [invalid('metadata.name', name, `must be no more than ${MAX_NAME_LENGTH} characters`)] : [];
      return [...nameErrors, ...validateCronJob(obj)];
    },
    validateUpdate: validateCronJob,
  },
  fieldSelection: defaultFieldSelection(true),
  table,
});
