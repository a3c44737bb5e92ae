// PATCH (handlers/patch.go): JSON Patch, JSON Merge Patch and strategic merge patch against the
// current object, then the update path with the patched object's resourceVersion as
// precondition; server-side apply (application/apply-patch+yaml), which also creates.
import type { KubeObject } from '../../api/types.js';
import {
  newBadRequest,
  newInvalid,
  newReasonless,
  newRequestEntityTooLarge,
  newUnprocessablePatch,
  newUnsupportedMediaType,
  StatusError,
} from '../../api/errors.js';
import { forbidden, required } from '../../api/field-errors.js';
import { mediaTypeOf, parseJSON, parseYAML, readBody } from '../body.js';
import { applyJSONPatch, decodeJSONPatch, MAX_JSON_PATCH_OPERATIONS } from '../../patch/json-patch.js';
import { applyMergePatch } from '../../patch/merge-patch.js';
import { applyStrategicMergePatch, StrategicMergePatchError } from '../../patch/strategic-merge.js';
import { serverSideApply } from '../../patch/managed-fields/index.js';
import type { PatchMeta } from '../../patch/patch-meta.js';
import { parseQueryBool } from '../../registry/list-options.js';
import { apiVersionOf, resetFields, resetMetadata } from '../../registry/resource.js';
import { expectedKindOf, toObject } from './body-object.js';
import { checkedBody, parseWriteParams, respondObject, type RequestScope, type WriteParams } from './scope.js';

const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
const APPLY_PATCH = 'application/apply-patch+yaml';
const SUPPORTED_PATCH_TYPES = [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];

export type Patcher = (current: KubeObject) => unknown;

function asObjectPatch(body: Buffer): Record<string, unknown> {
  const patch = parseJSON(body);
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw newBadRequest(`error decoding patch: json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
  }
  return patch as Record<string, unknown>;
}

function jsonPatcher(body: Buffer): Patcher {
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

function strategicPatcher(body: Buffer, meta: PatchMeta | undefined): Patcher {
  // Kinds without a Go type (custom resources) cannot be strategically merged (patch.go).
  if (!meta) throw newUnsupportedMediaType([JSON_PATCH, MERGE_PATCH, APPLY_PATCH]);
  const patch = asObjectPatch(body);
  return (current) => {
    try {
      return applyStrategicMergePatch(current, patch, meta);
    } catch (err) {
      if (!(err instanceof StrategicMergePatchError)) throw err;
      if (err.code === 400) throw newBadRequest(err.message);
      if (err.code === 422) throw newUnprocessablePatch();
      throw newReasonless(500, err.message);
    }
  };
}

/** The patch of a JSON, merge or strategic merge patch body (`meta` undefined: strategic merge is 415). */
export function patcherFor(type: string, body: Buffer, meta: PatchMeta | undefined): Patcher {
  if (type === JSON_PATCH) return jsonPatcher(body);
  if (type === MERGE_PATCH) {
    const patch = asObjectPatch(body);
    return (current) => applyMergePatch(current, patch);
  }
  if (type === STRATEGIC_MERGE_PATCH) return strategicPatcher(body, meta);
  throw newUnsupportedMediaType(SUPPORTED_PATCH_TYPES);
}

/** ValidatePatchOptions: apply needs a field manager; force is for apply only. */
function checkPatchOptions(scope: RequestScope, apply: boolean): boolean {
  const force = parseQueryBool(scope.query, 'force');
  const errs = [];
  if (apply && !scope.query.get('fieldManager')) errs.push(required('fieldManager', 'is required for apply patch'));
  if (!apply && force !== undefined) errs.push(forbidden('force', 'may not be specified for non-apply patch'));
  if (errs.length) throw newInvalid({ group: 'meta.k8s.io', kind: 'PatchOptions' }, '', errs);
  return force ?? false;
}

async function handleApply(scope: RequestScope, params: WriteParams, body: Buffer, meta: PatchMeta | undefined): Promise<void> {
  const { def, store } = scope.resource;
  const { info } = scope;
  const force = checkPatchOptions(scope, true);
  if (!meta) throw newUnsupportedMediaType([JSON_PATCH, MERGE_PATCH]);
  const applied = checkedBody(scope, toObject(await parseYAML(body), expectedKindOf(def)), params.fieldValidation);
  store.checkNameMatches(info.name, applied);
  applied.metadata = { ...applied.metadata, name: info.name, ...(def.namespaced ? { namespace: info.namespace } : {}) };
  const subresource = info.subresource || undefined;
  const op = {
    manager: params.fieldManager ?? '',
    force,
    apiVersion: apiVersionOf(def),
    subresource,
    time: scope.now(),
    resetFields: resetFields(def, subresource),
    resetMetadata: resetMetadata(def, subresource),
  };
  const options = { ...params, subresource, managedFieldsDone: true };
  try {
    const result = await store.guaranteedUpdate(info.namespace, info.name, (current) => serverSideApply(current, applied, op, meta), options);
    return respondObject(scope, 200, result.object);
  } catch (err) {
    // Apply creates what does not exist yet (but never through a subresource).
    if (!(err instanceof StatusError && err.code === 404 && !subresource && err.status.details?.kind === def.plural)) throw err;
  }
  const created = await store.create(info.namespace, serverSideApply(undefined, applied, op, meta), options);
  return respondObject(scope, 201, created);
}

export async function handlePatch(scope: RequestScope): Promise<void> {
  const { def, store } = scope.resource;
  const { info } = scope;
  const params = parseWriteParams(scope, 'PatchOptions');
  const type = mediaTypeOf(scope.req);
  const body = await readBody(scope.req);
  const meta = store.patchMeta();
  if (type === APPLY_PATCH) return handleApply(scope, params, body, meta);
  checkPatchOptions(scope, false);
  // Custom resources have merge semantics for apply but no Go type to merge strategically.
  const patcher = patcherFor(type, body, def.declaredSchema ? undefined : meta);
  const result = await store.guaranteedUpdate(
    info.namespace,
    info.name,
    (current) => {
      const patched = checkedBody(scope, toObject(patcher(current), expectedKindOf(def)), params.fieldValidation);
      store.checkNameMatches(info.name, patched);
      if (def.namespaced && patched.metadata.namespace && patched.metadata.namespace !== info.namespace) {
        throw newBadRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      return patched;
    },
    { ...params, subresource: info.subresource || undefined },
  );
  respondObject(scope, 200, result.object);
}
