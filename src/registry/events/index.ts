// events.k8s.io/v1: Event, with the table and field selectors of that version. Names are DNS
// subdomains.
import type { ResourceDefinition } from '../resource.js';
import { events } from './events.js';

export const eventsResources: ResourceDefinition[] = [events];
