// src/registry/rbac: rbac.authorization.k8s.io/v1, the four kinds the RBAC authorizer reads
// (src/auth/rbac), in discovery order. Escalation checks on their writes live in src/auth/rbac.
import type { ResourceDefinition } from '../resource.js';
import { clusterrolebindings, rolebindings } from './bindings.js';
import { clusterroles, roles } from './roles.js';

export const rbacResources: ResourceDefinition[] = [clusterrolebindings, clusterroles, rolebindings, roles];
