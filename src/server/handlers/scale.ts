// The scale subresource (autoscaling/v1 Scale) of workloads: GET, PUT and PATCH read and write
// spec.replicas of the parent through the generic update path.
import type { KubeObject } from '../../api/types.js';
import { deepCopy, isPlainObject } from '../../api/types.js';
import { newBadRequest, newConflict, OPTIMISTIC_LOCK_MESSAGE } from '../../api/errors.js';
import { formatLabelSelector, type LabelSelector } from '../../registry/printing.js';
import { decodeObjectBody, mediaTypeOf, parseJSON, readBody } from '../body.js';
import { applyMergePatch } from '../../patch/merge-patch.js';
import { applyJSONPatch, decodeJSONPatch } from '../../patch/json-patch.js';
import { parseWriteParams, respondObject, type RequestScope } from './scope.js';
import { toObject } from './body-object.js';

const SCALE_KIND = { group: 'autoscaling', version: 'v1', kind: 'Scale' };

function selectorString(obj: KubeObject): string {
  const spec = obj.spec as { selector?: LabelSelector | Record<string, string> } | undefined;
  const selector = spec?.selector;
  if (!selector) return '';
  // ReplicationController selectors are plain maps; the apps kinds use LabelSelector.
  const s = 'matchLabels' in selector || 'matchExpressions' in selector ? formatLabelSelector(selector as LabelSelector) : formatLabelSelector({ matchLabels: selector as Record<string, string> });
  return s === '<none>' ? '' : s;
}

export function scaleOf(obj: KubeObject): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  const spec = (obj.spec ?? {}) as { replicas?: number };
  const status = (obj.status ?? {}) as { replicas?: number };
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, selector: selectorString(obj) },
  };
}

function desiredReplicas(scale: KubeObject): number {
  const spec = scale.spec;
  const replicas = isPlainObject(spec) ? spec.replicas : undefined;
  if (replicas === undefined) return 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw newBadRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  return replicas;
}

export async function handleGetScale(scope: RequestScope): Promise<void> {
  respondObject(scope, 200, scaleOf(scope.resource.store.get(scope.info.namespace, scope.info.name)));
}

/** PUT or PATCH of a Scale: computes the new Scale, then writes its replicas into the parent. */
export async function handleWriteScale(scope: RequestScope): Promise<void> {
  const { store } = scope.resource;
  const { info } = scope;
  const params = parseWriteParams(scope, scope.req.method === 'PUT' ? 'UpdateOptions' : 'PatchOptions');
  const body = await readBody(scope.req);
  const type = mediaTypeOf(scope.req);
  const replacement = scope.req.method === 'PUT' ? toObject(await decodeObjectBody(scope.req, body, { apiVersion: 'autoscaling/v1', kind: 'Scale' }), SCALE_KIND) : undefined;
  const nextScale = (current: KubeObject): KubeObject => {
    if (replacement) return replacement;
    const scale = scaleOf(current);
    const patched = type === 'application/json-patch+json' ? applyJSONPatch(scale, decodeJSONPatch(parseJSON(body))) : applyMergePatch(scale, parseJSON(body));
    return toObject(patched, SCALE_KIND);
  };
  const result = await store.guaranteedUpdate(
    info.namespace,
    info.name,
    (current) => {
      const scale = nextScale(current);
      const precondition = scale.metadata.resourceVersion;
      if (precondition && precondition !== current.metadata.resourceVersion) throw newConflict(store.groupResource, info.name, OPTIMISTIC_LOCK_MESSAGE);
      const parent = deepCopy(current);
      parent.spec = { ...(parent.spec as object), replicas: desiredReplicas(scale) };
      return parent;
    },
    { ...params, subresource: 'scale' },
  );
  respondObject(scope, 200, scaleOf(result.object));
}
