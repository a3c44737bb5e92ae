// DELETE of one object and of a collection (handlers/delete.go).
import { parseDeleteOptions } from '../../registry/delete-options.js';
import { parseListOptions } from '../../registry/list-options.js';
import { mediaTypeOf, parseJSON, parseYAML, readBody } from '../body.js';
import { respondList, respondObject, type RequestScope } from './scope.js';
import { getUser } from '../context.js';

async function readDeleteBody(scope: RequestScope): Promise<unknown> {
  const buf = await readBody(scope.req);
  if (!buf.length) return undefined;
  return mediaTypeOf(scope.req) === 'application/yaml' ? parseYAML(buf) : parseJSON(buf);
}

export async function handleDelete(scope: RequestScope): Promise<void> {
  const { info } = scope;
  const options = { ...parseDeleteOptions(await readDeleteBody(scope), scope.query), user: getUser(scope.req), warnings: scope.warnings };
  const { object, deleted } = await scope.resource.store.delete(info.namespace, info.name, options);
  // 202 only when the object stays and the client asked not to orphan (handlers/delete.go).
  const code = !deleted && options.orphanDependents === false ? 202 : 200;
  respondObject(scope, code, object);
}

export async function handleDeleteCollection(scope: RequestScope): Promise<void> {
  const options = { ...parseDeleteOptions(await readDeleteBody(scope), scope.query), user: getUser(scope.req), warnings: scope.warnings };
  const listOptions = parseListOptions(scope.query, false);
  const list = await scope.resource.store.deleteCollection(scope.info.namespace, listOptions, options);
  await respondList(scope, list);
}
