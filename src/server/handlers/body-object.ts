// Turns a decoded request body into the object a write handler works on, with the checks
// kube-apiserver makes before the registry sees it: kind, apiVersion, name and namespace.
import type { KubeObject } from '../../api/types.js';
import { isPlainObject } from '../../api/types.js';
import { newBadRequest } from '../../api/errors.js';
import { apiVersionOf, type ResourceDefinition } from '../../registry/resource.js';
import type { RequestInfo } from '../request-info.js';

export interface ExpectedKind {
  group: string;
  version: string;
  kind: string;
  /**
   * A custom resource's body is decoded whatever its kind says (unstructured): another kind is
   * the strategy's Invalid, not a decode error.
   */
  anyKind?: boolean;
}

export function expectedKindOf(def: ResourceDefinition): ExpectedKind {
  const expected: ExpectedKind = { group: def.group, version: def.version, kind: def.kind };
  if (def.declaredSchema) expected.anyKind = true;
  return expected;
}

/** Checks the body's apiVersion/kind against the URL's and fills them when absent. */
export function toObject(body: unknown, expected: ExpectedKind): KubeObject {
  if (!isPlainObject(body)) throw newBadRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
  const apiVersion = apiVersionOf(expected);
  const bodyVersion = body.apiVersion;
  const bodyKind = body.kind;
  if (bodyVersion !== undefined && bodyVersion !== '' && bodyVersion !== apiVersion) {
    throw newBadRequest(`the API version in the data (${String(bodyVersion)}) does not match the expected API version (${apiVersion})`);
  }
  const keepsKind = expected.anyKind && typeof bodyKind === 'string' && bodyKind !== '';
  if (!keepsKind && bodyKind !== undefined && bodyKind !== '' && bodyKind !== expected.kind) {
    throw newBadRequest(`${String(bodyKind)} in version "${expected.version}" cannot be handled as a ${expected.kind}: the kind of the object (${String(bodyKind)}) does not match the expected kind (${expected.kind})`);
  }
  const metadata = body.metadata === undefined || body.metadata === null ? {} : body.metadata;
  if (!isPlainObject(metadata)) throw newBadRequest(`${expected.kind} in version "${expected.version}" cannot be handled as a ${expected.kind}: json: cannot unmarshal ${typeof metadata} into Go struct field ${expected.kind}.metadata of type v1.ObjectMeta`);
  return { ...body, apiVersion, kind: keepsKind ? bodyKind : expected.kind, metadata } as KubeObject;
}

/** The body's namespace must be empty or the URL's (handlers/rest.go). */
export function checkNamespace(obj: KubeObject, info: RequestInfo, namespaced: boolean): void {
  const ns = obj.metadata.namespace;
  if (namespaced && ns && ns !== info.namespace) {
    throw newBadRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}
