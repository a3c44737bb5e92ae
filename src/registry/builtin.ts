// Every built-in kind kubefake serves, core first, then the API groups.
import type { ResourceDefinition } from './resource.js';
import { coreResources } from './core/index.js';
import { groupResources } from './groups.js';

/**
 * autoscaling/v1 is held back: HorizontalPodAutoscaler is one stored object served in two
 * versions, and until conversion between them exists only the preferred v2 is served.
 */
function servedTogether(def: ResourceDefinition): boolean {
  return !(def.group === 'autoscaling' && def.version === 'v1');
}

export const builtinResources: readonly ResourceDefinition[] = [...coreResources, ...groupResources].filter(servedTogether);
