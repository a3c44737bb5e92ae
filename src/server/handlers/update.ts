// PUT of a whole object, on the resource or its status subresource (handlers/update.go).
import { decodeObjectBody, readBody } from '../body.js';
import { apiVersionOf } from '../../registry/resource.js';
import { checkNamespace, expectedKindOf, toObject } from './body-object.js';
import { checkedBody, parseWriteParams, respondObject, type RequestScope } from './scope.js';

export async function handleUpdate(scope: RequestScope): Promise<void> {
  const { def, store } = scope.resource;
  const { info } = scope;
  const params = parseWriteParams(scope, 'UpdateOptions');
  const body = await readBody(scope.req);
  const decoded = await decodeObjectBody(scope.req, body, { apiVersion: apiVersionOf(def), kind: def.kind }, {
    builtin: !def.declaredSchema,
    fieldValidation: params.fieldValidation,
    // What a client's body mostly sends back; none when the object does not exist (a 404 later).
    liveManagedFields: () => store.storage.get(store.key(info.namespace, info.name))?.metadata.managedFields,
  });
  const obj = toObject(decoded.value, expectedKindOf(def));
  checkNamespace(obj, info, def.namespaced);
  store.checkNameMatches(info.name, obj);
  obj.metadata.name = info.name;
  const checked = checkedBody(scope, obj, params.fieldValidation, decoded.duplicates);
  const result = await store.update(info.namespace, info.name, checked, { ...params, subresource: info.subresource || undefined });
  respondObject(scope, result.created ? 201 : 200, result.object);
}
