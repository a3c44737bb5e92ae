// networking.k8s.io/v1: Ingress, IngressClass, NetworkPolicy. Names are DNS subdomains.
import type { ResourceDefinition } from '../resource.js';
import { ingressclasses } from './ingressclasses.js';
import { ingresses } from './ingresses.js';
import { networkpolicies } from './networkpolicies.js';

export const networkingResources: ResourceDefinition[] = [ingressclasses, ingresses, networkpolicies];
