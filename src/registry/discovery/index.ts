// discovery.k8s.io/v1: EndpointSlice. Names are DNS subdomains.
import type { ResourceDefinition } from '../resource.js';
import { endpointslices } from './endpointslices.js';

export const discoveryResources: ResourceDefinition[] = [endpointslices];
