// PUT of a whole object, on the resource or its status subresource (handlers/update.go).
import { decodeObjectBody, readBody } from '../body.js';
import { apiVersionOf } from '../../registry/resource.js';
import type { GenericStore } from '../../registry/store.js';
import { StatusError } from '../../api/errors.js';
import { checkNamespace, expectedKindOf, toObject } from './body-object.js';
import { checkedBody, parseWriteParams, respondObject, type RequestScope } from './scope.js';

/** The live object's managedFields, which a client's body mostly sends back; none when it does not exist (a 404 later). */
function liveManagedFields(store: GenericStore, namespace: string, name: string): unknown {
  try {
    return store.get(namespace, name).metadata.managedFields;
  } catch (err) {
    if (err instanceof StatusError && err.code === 404) return undefined;
    throw err;
  }
}

export async function handleUpdate(scope: RequestScope): Promise<void> {
  const { def, store } = scope.resource;
  const { info } = scope;
  const params = parseWriteParams(scope, 'UpdateOptions');
  const body = await readBody(scope.req);
  const decoded = await decodeObjectBody(scope.req, body, { apiVersion: apiVersionOf(def), kind: def.kind }, { builtin: !def.declaredSchema, liveManagedFields: liveManagedFields(store, info.namespace, info.name) });
  const obj = toObject(decoded.value, expectedKindOf(def));
  checkNamespace(obj, info, def.namespaced);
  store.checkNameMatches(info.name, obj);
  obj.metadata.name = info.name;
  const checked = checkedBody(scope, obj, params.fieldValidation, decoded.duplicates);
  const result = await store.update(info.namespace, info.name, checked, { ...params, subresource: info.subresource || undefined });
  respondObject(scope, result.created ? 201 : 200, result.object);
}
