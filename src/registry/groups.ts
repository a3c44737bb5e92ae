// Every built-in kind outside the core group, in the order of their groups in /apis.
import { appsResources } from './apps/index.js';
import { autoscalingResources } from './autoscaling/index.js';
import { batchResources } from './batch/index.js';
import { coordinationResources } from './coordination/index.js';
import { discoveryResources } from './discovery/index.js';
import { eventsResources } from './events/index.js';
import { networkingResources } from './networking/index.js';
import { policyResources } from './policy/index.js';
import type { ResourceDefinition } from './resource.js';
import { schedulingResources } from './scheduling/index.js';
import { storageResources } from './storage/index.js';

export const groupResources: ResourceDefinition[] = [
  ...appsResources,
  ...eventsResources,
  ...autoscalingResources,
  ...batchResources,
  ...networkingResources,
  ...policyResources,
  ...storageResources,
  ...schedulingResources,
  ...coordinationResources,
  ...discoveryResources,
];
