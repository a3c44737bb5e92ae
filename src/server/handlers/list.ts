// GET of a collection (handlers/get.go ListResource): selectors, paging, resourceVersion.
import { parseListOptions } from '../../registry/list-options.js';
import { respondList, type RequestScope } from './scope.js';

export async function handleList(scope: RequestScope): Promise<void> {
  const options = parseListOptions(scope.query, false);
  const list = await scope.resource.store.list(scope.info.namespace, options);
  await respondList(scope, list);
}
