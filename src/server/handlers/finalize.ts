// namespaces/<name>/finalize: the one way to change a namespace's spec.finalizers.
import { deepCopy, isPlainObject } from '../../api/types.js';
import { decodeObjectBody, readBody } from '../body.js';
import { expectedKindOf, toObject } from './body-object.js';
import { parseWriteParams, respondObject, type RequestScope } from './scope.js';

export async function handleFinalize(scope: RequestScope): Promise<void> {
  const { def, store } = scope.resource;
  const { info } = scope;
  const params = parseWriteParams(scope, 'UpdateOptions');
  const obj = toObject((await decodeObjectBody(scope.req, await readBody(scope.req), { apiVersion: 'v1', kind: 'Namespace' })).value, expectedKindOf(def));
  store.checkNameMatches(info.name, obj);
  const finalizers = isPlainObject(obj.spec) && Array.isArray(obj.spec.finalizers) ? obj.spec.finalizers : [];
  const result = await store.guaranteedUpdate(
    '',
    info.name,
    (current) => {
      const next = deepCopy(current);
      next.spec = { ...(current.spec as object), finalizers };
      if (obj.metadata.resourceVersion) next.metadata.resourceVersion = obj.metadata.resourceVersion;
      return next;
    },
    { ...params, subresource: 'finalize' },
  );
  respondObject(scope, 200, result.object);
}
