// Every built-in kind kubefake serves, core first, then the API groups.
import type { ResourceDefinition } from './resource.js';
import { coreResources } from './core/index.js';
import { groupResources } from './groups.js';
import { rbacResources } from './rbac/index.js';
import { authenticationResources } from './authentication/index.js';
import { authorizationResources } from './authorization/index.js';
import { admissionregistrationResources } from './admissionregistration/index.js';
import { apiextensionsResources } from './apiextensions/index.js';

/**
 * autoscaling/v1 is held back: HorizontalPodAutoscaler is one stored object served in two
 * versions, and until conversion between them exists only the preferred v2 is served.
 */
function servedTogether(def: ResourceDefinition): boolean {
  return !(def.group === 'autoscaling' && def.version === 'v1');
}

const TOKEN_SUBRESOURCE = { name: 'token', verbs: ['create'], responseKind: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' } } as const;

/** serviceaccounts/token (TokenRequest), served by the auth layer; declared here until serviceaccounts.ts lists it. */
function withTokenSubresource(def: ResourceDefinition): ResourceDefinition {
  if (def.group !== '' || def.plural !== 'serviceaccounts' || def.subresources?.some((s) => s.name === 'token')) return def;
  return { ...def, subresources: [...(def.subresources ?? []), TOKEN_SUBRESOURCE] };
}

export const builtinResources: readonly ResourceDefinition[] = [
  ...coreResources.map(withTokenSubresource),
  ...groupResources,
  ...authenticationResources,
  ...authorizationResources,
  ...rbacResources,
  ...admissionregistrationResources,
  ...apiextensionsResources,
].filter(servedTogether);
