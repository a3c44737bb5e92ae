// Reconciles the bootstrap policy at every start, as the apiserver's rbac/bootstrap-roles
// post-start hook does for objects it finds missing: they are created; existing ones are kept.
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { GenericStore } from '../../registry/store.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from './bootstrap-policy.js';

async function ensure(store: GenericStore, obj: KubeObject): Promise<void> {
  if (store.storage.get(store.key('', obj.metadata.name ?? ''))) return;
  try {
    await store.create('', obj, { dryRun: false });
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 409)) throw err;
  }
}

export async function reconcileBootstrapPolicy(stores: { clusterroles: GenericStore; clusterrolebindings: GenericStore }): Promise<void> {
  for (const role of bootstrapClusterRoles()) await ensure(stores.clusterroles, role);
  for (const binding of bootstrapClusterRoleBindings()) await ensure(stores.clusterrolebindings, binding);
}
