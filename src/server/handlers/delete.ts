// DELETE of one object and of a collection (handlers/delete.go).
import type { KubeObject, Status } from '../../api/types.js';
import { newSuccess } from '../../api/errors.js';
import { parseDeleteOptions } from '../../registry/delete-options.js';
import { parseListOptions } from '../../registry/list-options.js';
import { mediaTypeOf, parseJSON, parseYAML, readBody } from '../body.js';
import { negotiate } from '../negotiation.js';
import { writeFormatted } from '../respond.js';
import { flushWarnings, respondList, respondObject, type RequestScope } from './scope.js';
import { getUser } from '../context.js';

async function readDeleteBody(scope: RequestScope): Promise<unknown> {
  const buf = await readBody(scope.req);
  if (!buf.length) return undefined;
  return mediaTypeOf(scope.req) === 'application/yaml' ? parseYAML(buf) : parseJSON(buf);
}

/**
 * What the generic store's finalizeDelete answers for a removed object of a kind that does not
 * set ReturnDeletedObject: a Success naming it. Kind is the resource, as Kubernetes sets it; the
 * code is left unset (0, omitted) and so is an empty group.
 */
function deletedStatus(scope: RequestScope, object: KubeObject): Omit<Status, 'code'> {
  const { apiGroup, resource } = scope.info;
  const details = { name: object.metadata.name, ...(apiGroup ? { group: apiGroup } : {}), kind: resource, uid: object.metadata.uid };
  const { code: _code, ...status } = newSuccess(details);
  return status;
}

/** A Status passes through any conversion the client asked for (transformObject): only the format counts. */
function respondStatus(scope: RequestScope, status: Omit<Status, 'code'>, object: KubeObject): void {
  flushWarnings(scope);
  const { format } = negotiate(scope.req.headers.accept, { list: false, watch: false, served: object });
  writeFormatted(scope.req, scope.res, 200, status, format);
}

export async function handleDelete(scope: RequestScope): Promise<void> {
  const { info } = scope;
  const options = { ...parseDeleteOptions(await readDeleteBody(scope), scope.query), user: getUser(scope.req), warnings: scope.warnings };
  const { object, deleted } = await scope.resource.store.delete(info.namespace, info.name, options);
  // 202 only when the object stays and the client asked not to orphan (handlers/delete.go).
  const code = !deleted && options.orphanDependents === false ? 202 : 200;
  // An object only marked for deletion (grace period, finalizers) is always the answer.
  if (deleted && !scope.resource.def.returnsDeletedObject) return respondStatus(scope, deletedStatus(scope, object), object);
  respondObject(scope, code, object);
}

export async function handleDeleteCollection(scope: RequestScope): Promise<void> {
  const options = { ...parseDeleteOptions(await readDeleteBody(scope), scope.query), user: getUser(scope.req), warnings: scope.warnings };
  const listOptions = parseListOptions(scope.query, false);
  const list = await scope.resource.store.deleteCollection(scope.info.namespace, listOptions, options);
  await respondList(scope, list);
}
