// batch/v1: Job and CronJob. Names are DNS subdomains (CronJob: at most 52 characters).
import type { ResourceDefinition } from '../resource.js';
import { cronjobs } from './cronjobs.js';
import { jobs } from './jobs.js';

export const batchResources: ResourceDefinition[] = [cronjobs, jobs];
