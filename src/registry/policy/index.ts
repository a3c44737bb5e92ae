// policy/v1: PodDisruptionBudget. Names are DNS subdomains.
import type { ResourceDefinition } from '../resource.js';
import { poddisruptionbudgets } from './poddisruptionbudgets.js';

export const policyResources: ResourceDefinition[] = [poddisruptionbudgets];
