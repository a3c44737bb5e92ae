// The scale subresource (autoscaling/v1 Scale) of workloads and custom resources: GET, PUT and
// PATCH read and write the parent's replicas (spec.replicas, or where the CRD says) through the
// generic update path.
import type { KubeObject } from '../../api/types.js';
import { deepCopy, isPlainObject } from '../../api/types.js';
import { newBadRequest, newConflict, OPTIMISTIC_LOCK_MESSAGE } from '../../api/errors.js';
import { formatLabelSelector, type LabelSelector } from '../../registry/printing.js';
import { decodeObjectBody, mediaTypeOf, readBody } from '../body.js';
import { MERGE_PATCH, patcherFor, STRATEGIC_MERGE_PATCH } from './patch.js';
import { parseWriteParams, respondObject, type RequestScope } from './scope.js';
import { toObject } from './body-object.js';
import type { ScalePaths } from '../../registry/resource.js';
import { nestedField } from '../../apiextensions/structural/index.js';

const SCALE_KIND = { group: 'autoscaling', version: 'v1', kind: 'Scale' };

function scalePathsOf(scope: RequestScope): ScalePaths | undefined {
  return scope.resource.def.subresources?.find((s) => s.name === 'scale')?.scalePaths;
}

function selectorString(obj: KubeObject): string {
  const spec = obj.spec as { selector?: LabelSelector | Record<string, string> } | undefined;
  const selector = spec?.selector;
  if (!selector) return '';
  // ReplicationController selectors are plain maps; the apps kinds use LabelSelector.
  const s = 'matchLabels' in selector || 'matchExpressions' in selector ? formatLabelSelector(selector as LabelSelector) : formatLabelSelector({ matchLabels: selector as Record<string, string> });
  return s === '<none>' ? '' : s;
}

/** A scale path of a custom resource (`.spec.replicas`) as members. */
function membersOf(path: string): string[] {
  return path.split('.').slice(1);
}

function valueAt(obj: KubeObject, path: string): unknown {
  return nestedField(obj, path).value;
}

/** The built-in workloads' replicas and selector, or a custom resource's at its CRD's paths. */
function replicasAndSelector(obj: KubeObject, paths: ScalePaths | undefined): { spec: number; status: number; selector: string } {
  if (!paths) {
    const spec = (obj.spec ?? {}) as { replicas?: number };
    const status = (obj.status ?? {}) as { replicas?: number };
    return { spec: spec.replicas ?? 0, status: status.replicas ?? 0, selector: selectorString(obj) };
  }
  const count = (path: string): number => {
    const v = valueAt(obj, path);
    return typeof v === 'number' ? v : 0;
  };
  const selector = paths.labelSelectorPath ? valueAt(obj, paths.labelSelectorPath) : undefined;
  return { spec: count(paths.specReplicasPath), status: count(paths.statusReplicasPath), selector: typeof selector === 'string' ? selector : '' };
}

export function scaleOf(obj: KubeObject, paths?: ScalePaths): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  const { spec, status, selector } = replicasAndSelector(obj, paths);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec },
    // ScaleStatus.selector is omitempty.
    status: selector ? { replicas: status, selector } : { replicas: status },
  };
}

/** The parent with its desired replicas set (a deep copy: the store owns what it writes). */
function withReplicas(current: KubeObject, replicas: number, paths: ScalePaths | undefined): KubeObject {
  const parent = deepCopy(current);
  const members = paths ? membersOf(paths.specReplicasPath) : ['spec', 'replicas'];
  let node: Record<string, unknown> = parent;
  for (const member of members.slice(0, -1)) {
    if (!isPlainObject(node[member])) node[member] = {};
    node = node[member] as Record<string, unknown>;
  }
  node[members[members.length - 1]] = replicas;
  return parent;
}

function desiredReplicas(scale: KubeObject): number {
  const spec = scale.spec;
  const replicas = isPlainObject(spec) ? spec.replicas : undefined;
  if (replicas === undefined) return 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw newBadRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  return replicas;
}

export async function handleGetScale(scope: RequestScope): Promise<void> {
  respondObject(scope, 200, scaleOf(scope.resource.store.get(scope.info.namespace, scope.info.name), scalePathsOf(scope)));
}

/** PUT or PATCH of a Scale: computes the new Scale, then writes its replicas into the parent. */
export async function handleWriteScale(scope: RequestScope): Promise<void> {
  const { store } = scope.resource;
  const { info } = scope;
  const paths = scalePathsOf(scope);
  const params = parseWriteParams(scope, scope.req.method === 'PUT' ? 'UpdateOptions' : 'PatchOptions');
  const body = await readBody(scope.req);
  const type = mediaTypeOf(scope.req);
  const replacement = scope.req.method === 'PUT' ? toObject((await decodeObjectBody(scope.req, body, { apiVersion: 'autoscaling/v1', kind: 'Scale' })).value, SCALE_KIND) : undefined;
  // Scale has no merge lists: a strategic merge patch of it merges as a JSON merge patch. Custom
  // resources take no strategic merge, on /scale either.
  const patchType = type === STRATEGIC_MERGE_PATCH && !scope.resource.def.declaredSchema ? MERGE_PATCH : type;
  let nextScale: (current: KubeObject) => KubeObject;
  if (replacement) nextScale = () => replacement;
  else {
    const patcher = patcherFor(patchType, body, undefined);
    nextScale = (current) => toObject(patcher(scaleOf(current, paths)), SCALE_KIND);
  }
  const result = await store.guaranteedUpdate(
    info.namespace,
    info.name,
    (current) => {
      const scale = nextScale(current);
      const precondition = scale.metadata.resourceVersion;
      if (precondition && precondition !== current.metadata.resourceVersion) throw newConflict(store.groupResource, info.name, OPTIMISTIC_LOCK_MESSAGE);
      return withReplicas(current, desiredReplicas(scale), paths);
    },
    { ...params, subresource: 'scale' },
  );
  respondObject(scope, 200, scaleOf(result.object, paths));
}
