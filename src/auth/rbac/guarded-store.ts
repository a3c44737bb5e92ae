// The RBAC kinds' store as one request's user writes through it: the generic store with the
// escalation checks run on the object about to be written (create, update, and the result of a
// patch, which the generic store's guaranteedUpdate computes).
import type { KubeObject } from '../../api/types.js';
import type { UserInfo } from '../../server/context.js';
import { GenericStore, type StoreContext, type UpdateResult, type WriteOptions } from '../../registry/store.js';
import type { ResourceDefinition } from '../../registry/resource.js';
import type { EscalationChecker } from './escalation.js';

type Check = (obj: KubeObject, namespace: string, old?: KubeObject) => void;

function checkFor(def: ResourceDefinition, user: UserInfo, checker: EscalationChecker): Check | undefined {
  switch (def.plural) {
    case 'roles':
    case 'clusterroles':
      return (obj, ns, old) => checker.checkRole(user, def.plural as 'roles' | 'clusterroles', ns, obj, old);
    case 'rolebindings':
    case 'clusterrolebindings':
      return (obj, ns) => checker.checkBinding(user, def.plural as 'rolebindings' | 'clusterrolebindings', ns, obj);
    default:
      return undefined;
  }
}

export class EscalationGuardedStore extends GenericStore {
  readonly #check: Check;

  constructor(def: ResourceDefinition, ctx: StoreContext, check: Check) {
    super(def, ctx);
    this.#check = check;
  }

  /** The guarded store for a write by `user`, or undefined when `def` is not an RBAC kind. */
  static for(def: ResourceDefinition, ctx: StoreContext, user: UserInfo, checker: EscalationChecker): EscalationGuardedStore | undefined {
    const check = checkFor(def, user, checker);
    return check ? new EscalationGuardedStore(def, ctx, check) : undefined;
  }

  override create(namespace: string, input: KubeObject, options: WriteOptions): Promise<KubeObject> {
    this.#check(input, namespace);
    return super.create(namespace, input, options);
  }

  override guaranteedUpdate(
    namespace: string,
    name: string,
    tryUpdate: (current: KubeObject) => KubeObject,
    options: WriteOptions & { subresource?: string },
  ): Promise<UpdateResult> {
    return super.guaranteedUpdate(
      namespace,
      name,
      (current) => {
        const desired = tryUpdate(current);
        this.#check({ ...desired, metadata: { ...desired.metadata, name } }, namespace, current);
        return desired;
      },
      options,
    );
  }
}
