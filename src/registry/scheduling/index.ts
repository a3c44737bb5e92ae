// scheduling.k8s.io/v1: PriorityClass. Names are DNS subdomains.
import type { ResourceDefinition } from '../resource.js';
import { priorityclasses } from './priorityclasses.js';

export const schedulingResources: ResourceDefinition[] = [priorityclasses];
