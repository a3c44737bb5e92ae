// GET of one object (handlers/get.go).
import { respondObject, type RequestScope } from './scope.js';

export async function handleGet(scope: RequestScope): Promise<void> {
  const { info } = scope;
  respondObject(scope, 200, scope.resource.store.get(info.namespace, info.name));
}
