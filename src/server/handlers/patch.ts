// PATCH (handlers/patch.go): JSON Patch and JSON Merge Patch against the current object, then the
// update path with the patched object's resourceVersion as precondition. Strategic merge and
// server-side apply arrive with their own issue.
import type { KubeObject } from '../../api/types.js';
import { newBadRequest, newRequestEntityTooLarge, newUnprocessablePatch, newUnsupportedMediaType, StatusError } from '../../api/errors.js';
import { mediaTypeOf, parseJSON, readBody } from '../body.js';
import { applyJSONPatch, decodeJSONPatch, MAX_JSON_PATCH_OPERATIONS } from '../../patch/json-patch.js';
import { applyMergePatch } from '../../patch/merge-patch.js';
import { expectedKindOf, toObject } from './body-object.js';
import { parseDryRun, respondObject, type RequestScope } from './scope.js';

const SUPPORTED_PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json'];

type Patcher = (current: KubeObject) => unknown;

function patcherFor(type: string, body: Buffer): Patcher {
  if (type === 'application/json-patch+json') {
    let ops;
    try {
      ops = decodeJSONPatch(parseJSON(body));
    } catch (err) {
      throw err instanceof StatusError ? err : newBadRequest((err as Error).message);
    }
    if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
      throw newRequestEntityTooLarge(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
    }
    return (current) => {
      try {
        return applyJSONPatch(current, ops);
      } catch {
        throw newUnprocessablePatch();
      }
    };
  }
  if (type === 'application/merge-patch+json') {
    const patch = parseJSON(body);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw newBadRequest(`error decoding patch: json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
    }
    return (current) => applyMergePatch(current, patch);
  }
  throw newUnsupportedMediaType(SUPPORTED_PATCH_TYPES);
}

export async function handlePatch(scope: RequestScope): Promise<void> {
  const { def, store } = scope.resource;
  const { info } = scope;
  const dryRun = parseDryRun(scope.query, 'PatchOptions');
  const patcher = patcherFor(mediaTypeOf(scope.req), await readBody(scope.req));
  const result = await store.guaranteedUpdate(
    info.namespace,
    info.name,
    (current) => {
      const patched = toObject(patcher(current), expectedKindOf(def));
      store.checkNameMatches(info.name, patched);
      if (def.namespaced && patched.metadata.namespace && patched.metadata.namespace !== info.namespace) {
        throw newBadRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      return patched;
    },
    { dryRun, subresource: info.subresource || undefined },
  );
  await respondObject(scope, 200, result.object);
}
