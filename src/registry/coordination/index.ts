// coordination.k8s.io/v1: Lease. Names are DNS subdomains.
import type { ResourceDefinition } from '../resource.js';
import { leases } from './leases.js';

export const coordinationResources: ResourceDefinition[] = [leases];
