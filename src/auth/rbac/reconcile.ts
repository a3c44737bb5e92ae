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

/** All at once: the writes share storage batches instead of waiting for one another (start time). */
export async function reconcileBootstrapPolicy(stores: { clusterroles: GenericStore; clusterrolebindings: GenericStore }): Promise<void> {
  await Promise.all([
    ...bootstrapClusterRoles().map((role) => ensure(stores.clusterroles, role)),
    ...bootstrapClusterRoleBindings().map((binding) => ensure(stores.clusterrolebindings, binding)),
  ]);
}
