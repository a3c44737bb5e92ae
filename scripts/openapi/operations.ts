// Turns client-node API operations into Kubernetes' OpenAPI v3 path items: operation ids and tags as
// Kubernetes writes them, query parameters inline, request bodies, responses per media type, and
// the x-kubernetes-action / x-kubernetes-group-version-kind extensions kubectl looks for.
import type { ApiClass, ApiOperation, ApiParameter } from './client-apis.js';
import type { JsonObject } from './json.js';
import { ref, type GroupVersionKind } from './schemas.js';

const ACTIONS: Record<string, string> = {
  connect: 'connect', create: 'post', delete: 'delete', list: 'list', patch: 'patch', read: 'get', replace: 'put',
};
const STATUS_TEXT: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted' };
const OBJECT_MEDIA = ['application/json', 'application/vnd.kubernetes.protobuf', 'application/yaml'];
const STREAM_MEDIA = [
  'application/json', 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf',
  'application/vnd.kubernetes.protobuf;stream=watch', 'application/yaml',
];
const PATCH = 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch';

/** How an operation's models resolve: schema names and served kinds. */
export interface OperationContext {
  schemaName(model: string): string;
  kindOf(model: string): GroupVersionKind | undefined;
  /** The GVK of the resource a path belongs to (for subresources: its parent). */
  resourceKind(path: string): GroupVersionKind | undefined;
}

export function tagOf(api: ApiClass): string {
  const m = /^(.*?)(V\d+\w*)$/.exec(api.name)!;
  return `${m[1][0].toLowerCase()}${m[1].slice(1)}_${m[2][0].toLowerCase()}${m[2].slice(1)}`;
}

/** listNamespacedPod → [list, NamespacedPod]; deleteCollectionNamespacedPod → [delete, CollectionNamespacedPod]. */
export function splitMethod(method: string): [string, string] {
  const verb = /^[a-z]+/.exec(method)![0];
  return [verb, method.slice(verb.length)];
}

export function parameter(p: ApiParameter): JsonObject {
  const type = p.type === 'number' ? 'integer' : p.type;
  const param: JsonObject = { in: p.in, name: p.name, schema: { type, uniqueItems: true } };
  if (p.description) param.description = p.description;
  if (p.in === 'path') param.required = true;
  return param;
}

function content(media: string[], schema: JsonObject): JsonObject {
  return Object.fromEntries(media.map((m) => [m, { schema }]));
}

function responses(op: ApiOperation, ctx: OperationContext, media: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [code, type] of op.responses) {
    const body = type === 'string' ? content(['*/*'], { type: 'string' }) : content(media, ref(ctx.schemaName(type)));
    out[code] = { content: body, description: STATUS_TEXT[code] ?? 'OK' };
  }
  out['401'] = { description: 'Unauthorized' };
  return out;
}

function requestBody(op: ApiOperation, ctx: OperationContext): JsonObject | undefined {
  if (!op.body) return undefined;
  const schema = ref(op.body.type === 'any' ? PATCH : ctx.schemaName(op.body.type));
  const media = op.body.contentTypes.filter((t) => !t.includes('cbor'));
  const body: JsonObject = { content: content(media.length ? media : ['*/*'], schema) };
  if (op.body.required) body.required = true;
  return body;
}

function operationKind(op: ApiOperation, verb: string, ctx: OperationContext): GroupVersionKind | undefined {
  const parent = ctx.resourceKind(op.path);
  if (!parent) return undefined;
  const sub = /\/\{name\}\/(\w+)/.exec(op.path)?.[1];
  if (verb === 'connect' && sub) {
    const option = { attach: 'Attach', exec: 'Exec', portforward: 'PortForward', proxy: 'Proxy' }[sub];
    return { ...parent, kind: `${parent.kind}${option ?? ''}Options` };
  }
  if (!sub) return parent;
  const model = op.body && op.body.type !== 'any' ? op.body.type : op.responses.get('200') ?? op.responses.get('201');
  return (model && ctx.kindOf(model)) || parent;
}

/** The OpenAPI operation object for one client operation. */
export function operation(api: ApiClass, op: ApiOperation, shared: Set<string>, ctx: OperationContext): JsonObject {
  const [verb, rest] = splitMethod(op.method);
  const out: JsonObject = {
    operationId: `${verb}${api.name}${rest}`,
    responses: responses(op, ctx, verb === 'list' ? STREAM_MEDIA : OBJECT_MEDIA),
    tags: [tagOf(api)],
  };
  if (op.description) out.description = op.description;
  const params = op.parameters.filter((p) => !shared.has(p.name)).map(parameter);
  if (params.length) out.parameters = params;
  const body = requestBody(op, ctx);
  if (body) out.requestBody = body;
  const action = rest.startsWith('Collection') ? 'deletecollection' : ACTIONS[verb];
  if (action) {
    out['x-kubernetes-action'] = action;
    const gvk = operationKind(op, verb, ctx);
    if (gvk) out['x-kubernetes-group-version-kind'] = { ...gvk };
  }
  return out;
}

/** The deprecated /watch/ operation Kubernetes still publishes beside a list or get. */
export function watchOperation(api: ApiClass, source: ApiOperation, listParams: ApiParameter[], ctx: OperationContext): JsonObject {
  const [verb, rest] = splitMethod(source.method);
  const list = verb === 'list';
  const gvk = ctx.resourceKind(source.path)!;
  const name = list ? (rest.endsWith('ForAllNamespaces') ? rest.replace(/ForAllNamespaces$/, 'ListForAllNamespaces') : `${rest}List`) : rest;
  return {
    description: list
      ? `watch individual changes to a list of ${gvk.kind}. deprecated: use the 'watch' parameter with a list operation instead.`
      : `watch changes to an object of kind ${gvk.kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`,
    operationId: `watch${api.name}${name}`,
    parameters: listParams.filter((p) => p.in === 'query' && p.name !== 'pretty').map(parameter),
    responses: {
      '200': { content: content(STREAM_MEDIA, ref('io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent')), description: 'OK' },
      '401': { description: 'Unauthorized' },
    },
    tags: [tagOf(api)],
    'x-kubernetes-action': list ? 'watchlist' : 'watch',
    'x-kubernetes-group-version-kind': { ...gvk },
  };
}
