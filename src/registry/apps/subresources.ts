// The status and scale subresources as the groups outside core declare them. The generic store
// gives both their meaning; a kind only says that it has them.
import { SUBRESOURCE_VERBS, type SubresourceDefinition } from '../resource.js';

export const statusSubresource: SubresourceDefinition = { name: 'status', verbs: SUBRESOURCE_VERBS };

/** deployments/status also leaves the labels alone (the status strategy resets metadata.labels). */
export const deploymentStatusSubresource: SubresourceDefinition = { ...statusSubresource, keepsMetadata: ['labels'] };

/** `<plural>/scale` speaks autoscaling/v1 Scale whatever the parent's group. */
export const scaleSubresource: SubresourceDefinition = {
  name: 'scale',
  verbs: SUBRESOURCE_VERBS,
  responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
};
