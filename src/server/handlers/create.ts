// POST of a new object (handlers/create.go).
import { decodeObjectBody, readBody } from '../body.js';
import { apiVersionOf } from '../../registry/resource.js';
import { checkNamespace, expectedKindOf, toObject } from './body-object.js';
import { checkedBody, parseWriteParams, respondObject, type RequestScope } from './scope.js';

export async function handleCreate(scope: RequestScope): Promise<void> {
  const { def, store } = scope.resource;
  const params = parseWriteParams(scope, 'CreateOptions');
  const obj = toObject(await decodeObjectBody(scope.req, await readBody(scope.req), { apiVersion: apiVersionOf(def), kind: def.kind }), expectedKindOf(def));
  checkNamespace(obj, scope.info, def.namespaced);
  const created = await store.create(scope.info.namespace, checkedBody(scope, obj, params.fieldValidation), params);
  await respondObject(scope, 201, created);
}
