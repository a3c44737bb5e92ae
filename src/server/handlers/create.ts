// POST of a new object (handlers/create.go).
import { decodeObjectBody, readBody } from '../body.js';
import { apiVersionOf } from '../../registry/resource.js';
import { checkNamespace, expectedKindOf, toObject } from './body-object.js';
import { checkedBody, parseWriteParams, respondObject, type RequestScope } from './scope.js';

export async function handleCreate(scope: RequestScope): Promise<void> {
  const { def, store } = scope.resource;
  const params = parseWriteParams(scope, 'CreateOptions');
  const body = await readBody(scope.req);
  const decoded = await decodeObjectBody(scope.req, body, { apiVersion: apiVersionOf(def), kind: def.kind }, { builtin: !def.declaredSchema, fieldValidation: params.fieldValidation });
  const obj = toObject(decoded.value, expectedKindOf(def));
  checkNamespace(obj, scope.info, def.namespaced);
  const checked = checkedBody(scope, obj, params.fieldValidation, decoded.duplicates);
  const created = await store.create(scope.info.namespace, checked, params);
  respondObject(scope, 201, created);
}
