// The `paths` of a custom resource's OpenAPI v3 document, as apiextensions-apiserver's
// controller/openapi/builder lays out its routes and kube-openapi's builder3 turns them into path
// items: a parameter every operation of a path shares moves up to the path item, operation ids
// get the group and version spliced in after the verb, and no watch paths are published.

/** The names a custom resource is served under in one version, read from its CRD. */
export interface CustomResourceNames {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  status: boolean;
  scale: boolean;
}

export type JsonObject = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query';
  description: string;
  type: 'string' | 'integer' | 'boolean';
}

interface Route {
  method: 'get' | 'put' | 'post' | 'delete' | 'patch';
  path: string;
  operation: string;
  action: string;
  description: string;
  parameters: Parameter[];
  consumes: string[];
  body?: { ref: string; required: boolean };
  responses: [code: number, description: string, ref: string][];
}

export const SCHEMA_PREFIX = '#/components/schemas/';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const STATUS_SCHEMA = `${META}.Status`;
const PATCH_SCHEMA = `${META}.Patch`;
const DELETE_OPTIONS_SCHEMA = `${META}.DeleteOptions`;
const SCALE_SCHEMA = 'io.k8s.api.autoscaling.v1.Scale';

const READ_WRITE_TYPES = ['application/json', 'application/yaml'];
/** A custom resource has no Go type to merge strategically by: no strategic-merge-patch here. */
const PATCH_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json'];

const query = (name: string, type: Parameter['type'], description: string): Parameter => ({ name, in: 'query', type, description });

const RESOURCE_VERSION_DOC =
  'resourceVersion sets a constraint on what resource versions a request may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset';
const RESOURCE_VERSION = query('resourceVersion', 'string', RESOURCE_VERSION_DOC);
const DRY_RUN = query(
  'dryRun',
  'string',
  'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed',
);
const FIELD_MANAGER_DOC =
  'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.';
const FIELD_VALIDATION = query(
  'fieldValidation',
  'string',
  'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.',
);

/** metav1.ListOptions, which builder.go also gives to deletecollection. */
const LIST_OPTIONS = [
  query(
    'allowWatchBookmarks',
    'boolean',
    'allowWatchBookmarks requests watch events with type "BOOKMARK". Servers that do not implement bookmarks may ignore this flag and bookmarks are sent at the server\'s discretion. Clients should not assume bookmarks are returned at any specific interval, nor may they assume the server will send any BOOKMARK event during a session. If this is not a watch, this field is ignored.',
  ),
  query(
    'continue',
    'string',
    'The continue option should be set when retrieving more results from the server. Since this value is server defined, clients may only use the continue value from a previous query result with identical query parameters (except for the value of continue) and the server may reject a continue value it does not recognize. If the specified continue value is no longer valid whether due to expiration (generally five to fifteen minutes) or a configuration change on the server, the server will respond with a 410 ResourceExpired error together with a continue token. If the client needs a consistent list, it must restart their list without the continue field. Otherwise, the client may send another list request with the token received with the 410 error, the server will respond with a list starting from the next key, but from the latest snapshot, which is inconsistent from the previous list results - objects that are created, modified, or deleted after the first list request will be included in the response, as long as their keys are after the "next key".\n\nThis field is not supported when watch is true. Clients may start a watch from the last resourceVersion value returned by the server and not miss any modifications.',
  ),
  query('fieldSelector', 'string', 'A selector to restrict the list of returned objects by their fields. Defaults to everything.'),
  query('labelSelector', 'string', 'A selector to restrict the list of returned objects by their labels. Defaults to everything.'),
  query(
    'limit',
    'integer',
    'limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata to a value that can be used with the same initial query to retrieve the next set of results. Setting a limit may return fewer than the requested amount of items (up to zero items) in the event all requested objects are filtered out and clients should only use the presence of the continue field to determine whether more results are available. Servers may choose not to support the limit argument and will return all of the available results. If limit is specified and the continue field is empty, clients may assume that no more results are available. This field is not supported if watch is true.\n\nThe server guarantees that the objects returned when using continue will be identical to issuing a single list call without a limit - that is, no objects created, modified, or deleted after the first request is issued will be included in any subsequent continued requests. This is sometimes referred to as a consistent snapshot, and ensures that a client that is using limit to receive smaller chunks of a very large result can ensure they see all possible objects. If objects are updated during a chunked list the version of the object that was present at the time the first list result was calculated is returned.',
  ),
  RESOURCE_VERSION,
  query(
    'resourceVersionMatch',
    'string',
    'resourceVersionMatch determines how resourceVersion is applied to list calls. It is highly recommended that resourceVersionMatch be set for list calls where resourceVersion is set See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset',
  ),
  query(
    'sendInitialEvents',
    'boolean',
    '`sendInitialEvents=true` may be set together with `watch=true`. In that case, the watch stream will begin with synthetic events to produce the current state of objects in the collection. Once all such events have been sent, a synthetic "Bookmark" event  will be sent. The bookmark will report the ResourceVersion (RV) corresponding to the set of objects, and be marked with `"k8s.io/initial-events-end": "true"` annotation. Afterwards, the watch stream will proceed as usual, sending watch events corresponding to changes (subsequent to the RV) to objects watched.\n\nWhen `sendInitialEvents` option is set, we require `resourceVersionMatch` option to also be set. The semantic of the watch request is as following: - `resourceVersionMatch` = NotOlderThan\n  is interpreted as "data at least as new as the provided `resourceVersion`"\n  and the bookmark event is send when the state is synced\n  to a `resourceVersion` at least as fresh as the one provided by the ListOptions.\n  If `resourceVersion` is unset, this is interpreted as "consistent read" and the\n  bookmark event is send when the state is synced at least to the moment\n  when request started being processed.\n- `resourceVersionMatch` set to any other value or unset\n  Invalid error is returned.\n\nDefaults to true if `resourceVersion=""` or `resourceVersion="0"` (for backward compatibility reasons) and to false otherwise.',
  ),
  query('timeoutSeconds', 'integer', 'Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.'),
  query(
    'watch',
    'boolean',
    'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.',
  ),
];

/** CreateOptions' and UpdateOptions' query parameters. */
const WRITE_OPTIONS = [DRY_RUN, query('fieldManager', 'string', FIELD_MANAGER_DOC), FIELD_VALIDATION];

/** The query parameters of metav1's GetOptions, ListOptions, ... as endpoints.AddObjectParams lists them. */
const OPTIONS: Record<string, Parameter[]> = {
  get: [RESOURCE_VERSION],
  list: LIST_OPTIONS,
  deletecollection: LIST_OPTIONS,
  post: WRITE_OPTIONS,
  put: WRITE_OPTIONS,
  patch: [
    DRY_RUN,
    query(
      'fieldManager',
      'string',
      `${FIELD_MANAGER_DOC} This field is required for apply requests (application/apply-patch) but optional for non-apply patch types (JsonPatch, MergePatch, StrategicMergePatch).`,
    ),
    FIELD_VALIDATION,
    query(
      'force',
      'boolean',
      'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.',
    ),
  ],
  delete: [
    DRY_RUN,
    query(
      'gracePeriodSeconds',
      'integer',
      'The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately. If this value is nil, the default grace period for the specified type will be used. Defaults to a per object value if not specified. zero means delete immediately.',
    ),
    query(
      'ignoreStoreReadErrorWithClusterBreakingPotential',
      'boolean',
      'if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error. A resource is considered corrupt if it can not be retrieved from the underlying storage successfully because of a) its data can not be transformed e.g. decryption failure, or b) it fails to decode into an object. NOTE: unsafe deletion ignores finalizer constraints, skips precondition checks, and removes the object from the storage. WARNING: This may potentially break the cluster if the workload associated with the resource being unsafe-deleted relies on normal deletion flow. Use only if you REALLY know what you are doing. The default value is false, and the user must opt in to enable it',
    ),
    query(
      'orphanDependents',
      'boolean',
      'Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7. Should the dependent objects be orphaned. If true/false, the "orphan" finalizer will be added to/removed from the object\'s finalizers list. Either this field or PropagationPolicy may be set, but not both.',
    ),
    query(
      'propagationPolicy',
      'string',
      "Whether and how garbage collection will be performed. Either this field or OrphanDependents may be set, but not both. The default policy is decided by the existing finalizer set in the metadata.finalizers and the resource-specific default policy. Acceptable values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the foreground.",
    ),
  ],
};

const PRETTY = query(
  'pretty',
  'string',
  "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget).",
);

/** endpoints.GetArticleForNoun: no article for a plural-looking kind, `an` before a vowel. */
function article(kind: string): string {
  if (kind.endsWith('s') && !kind.endsWith('ss')) return ' ';
  return /^[aeiou]/i.test(kind) ? ' an ' : ' a ';
}

/** builder.descriptionFor: `list objects of kind X`, `read status of the specified X`, ... */
function describe(verb: string, subresource: string, kind: string): string {
  const sub = subresource ? ` ${subresource} of` : '';
  switch (verb) {
    case 'list':
      return `list${sub} objects of kind ${kind}`;
    case 'read':
    case 'replace':
      return `${verb}${sub} the specified ${kind}`;
    case 'patch':
      return `partially update${sub} the specified ${kind}`;
    case 'create':
    case 'delete':
      return `${verb}${sub}${article(kind)}${kind}`;
    default:
      return `delete collection of${sub ? `${sub} a` : ''} ${kind}`;
  }
}

/** The verb prefixes apiserver's GetOperationIDAndTags knows; the shortest one that matches wins. */
const OPERATION_VERBS = ['get', 'log', 'read', 'replace', 'patch', 'delete', 'deletecollection', 'watch', 'connect', 'proxy', 'list', 'create'];

/** openapi.ToValidOperationID: drops what is not a letter, `_` or a non-leading digit, and capitalizes after it. */
function operationIdPart(text: string, capitalizeFirst: boolean): string {
  let out = '';
  let capitalize = capitalizeFirst;
  for (const [i, c] of [...text].entries()) {
    if (/\p{L}/u.test(c) || c === '_' || (i !== 0 && /\p{Nd}/u.test(c))) {
      out += capitalize ? c.toUpperCase() : c;
      capitalize = false;
    } else {
      capitalize = true;
    }
  }
  return out;
}

function operationIdAndTag(operation: string, group: string, version: string): { id: string; tag: string } {
  const verb = OPERATION_VERBS.filter((v) => operation.startsWith(v)).sort((a, b) => a.length - b.length)[0] ?? '';
  const trimmed = group.endsWith('.k8s.io') ? group.slice(0, -'.k8s.io'.length) : group;
  const prefix = verb + operationIdPart(trimmed, verb !== '') + operationIdPart(version, true);
  return {
    id: prefix + operationIdPart(operation.slice(verb.length), true),
    tag: `${operationIdPart(trimmed, false)}_${operationIdPart(version, false)}`,
  };
}

/** The `/apis/<group>/<version>/...` routes builder.go registers for one CRD version, in its order. */
function routesOf(names: CustomResourceNames, kindSchema: string): Route[] {
  const { group, version, kind, plural, namespaced } = names;
  const routes: Route[] = [];
  let root = `/apis/${group}/${version}/${plural}`;
  const add = (sub: string, method: Route['method'], action: string, verb: string, sample: string, extra: Partial<Route> = {}): void => {
    routes.push({ ...buildRoute(names, root, sub, method, action, verb, sample), ...extra });
  };
  const body = (ref: string, required = true): Partial<Route> => ({ body: { ref, required } });
  if (namespaced) {
    add('', 'get', 'list', 'list', `${kindSchema}List`, { operation: `list${kind}ForAllNamespaces` });
    root = `/apis/${group}/${version}/namespaces/{namespace}/${plural}`;
  }
  add('', 'get', 'list', 'list', `${kindSchema}List`);
  add('', 'post', 'post', 'create', kindSchema, body(kindSchema));
  add('', 'delete', 'deletecollection', 'deletecollection', STATUS_SCHEMA);
  add('/{name}', 'get', 'get', 'read', kindSchema);
  add('/{name}', 'put', 'put', 'replace', kindSchema, body(kindSchema));
  add('/{name}', 'delete', 'delete', 'delete', STATUS_SCHEMA, body(DELETE_OPTIONS_SCHEMA, false));
  add('/{name}', 'patch', 'patch', 'patch', kindSchema, body(PATCH_SCHEMA));
  const subresources = [
    ['status', names.status, kindSchema],
    ['scale', names.scale, SCALE_SCHEMA],
  ] as const;
  for (const [sub, served, sample] of subresources) {
    if (!served) continue;
    add(`/{name}/${sub}`, 'get', 'get', 'read', sample);
    add(`/{name}/${sub}`, 'put', 'put', 'replace', sample, body(sample));
    add(`/{name}/${sub}`, 'patch', 'patch', 'patch', sample, body(PATCH_SCHEMA));
  }
  return routes;
}

/** builder.buildRoute: description, parameters, media types and responses of one route. */
function buildRoute(
  names: CustomResourceNames,
  root: string,
  sub: string,
  method: Route['method'],
  action: string,
  verb: string,
  sample: string,
): Route {
  const path = root + sub;
  const subresource = sub.split('/')[2] ?? '';
  const title = subresource ? subresource[0].toUpperCase() + subresource.slice(1) : '';
  const parameters = [PRETTY];
  if (path.includes('{namespace}')) {
    parameters.push({ name: 'namespace', in: 'path', type: 'string', description: 'object name and auth scope, such as for teams and projects' });
  }
  if (path.includes('{name}')) parameters.push({ name: 'name', in: 'path', type: 'string', description: `name of the ${names.kind}` });
  parameters.push(...OPTIONS[action]);
  const responses: Route['responses'] = [[200, 'OK', sample]];
  if (action === 'post') responses.push([202, 'Accepted', sample], [201, 'Created', sample]);
  if (action === 'delete') responses.push([202, 'Accepted', sample]);
  if (action === 'put') responses.push([201, 'Created', sample]);
  return {
    method,
    path,
    operation: verb + (names.namespaced ? 'Namespaced' : '') + names.kind + title,
    action,
    description: describe(verb, subresource, names.kind),
    parameters,
    consumes: method === 'patch' ? PATCH_TYPES : READ_WRITE_TYPES,
    responses,
  };
}

const refTo = (schema: string): JsonObject => ({ $ref: SCHEMA_PREFIX + schema });

function parameterJson(p: Parameter): JsonObject {
  return {
    description: p.description,
    in: p.in,
    name: p.name,
    ...(p.in === 'path' ? { required: true } : {}),
    schema: { type: p.type, uniqueItems: true },
  };
}

/** kube-openapi's sortParameters: by name, then by location. */
function sortedParameters(parameters: Parameter[]): JsonObject[] {
  return [...parameters].sort((a, b) => (a.name === b.name ? cmp(a.in, b.in) : cmp(a.name, b.name))).map(parameterJson);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const parameterKey = (p: Parameter): string => `${p.in}:${p.name}`;

function content(types: string[], schema: string): JsonObject {
  return Object.fromEntries(types.map((t) => [t, { schema: refTo(schema) }]));
}

function operationJson(route: Route, names: CustomResourceNames, common: Set<string>): JsonObject {
  const { id, tag } = operationIdAndTag(route.operation, names.group, names.version);
  const own = route.parameters.filter((p) => !common.has(parameterKey(p)));
  const responses: JsonObject = {};
  for (const [code, description, schema] of route.responses) responses[code] = { content: content(READ_WRITE_TYPES, schema), description };
  responses[401] = { description: 'Unauthorized' };
  return {
    description: route.description,
    operationId: id,
    ...(own.length > 0 ? { parameters: sortedParameters(own) } : {}),
    ...(route.body
      ? { requestBody: { content: content(route.consumes, route.body.ref), ...(route.body.required ? { required: true } : {}) } }
      : {}),
    responses,
    tags: [tag],
    'x-kubernetes-action': route.action,
    'x-kubernetes-group-version-kind': { group: names.group, kind: names.kind, version: names.version },
  };
}

/** The path items of one CRD version; `kindSchema` is the name of its kind's schema in components. */
export function customResourcePaths(names: CustomResourceNames, kindSchema: string): Record<string, JsonObject> {
  const byPath = new Map<string, Route[]>();
  for (const route of routesOf(names, kindSchema)) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  const paths: Record<string, JsonObject> = {};
  for (const [path, routes] of byPath) {
    const shared = routes[0].parameters.filter((p) => routes.every((r) => r.parameters.some((q) => parameterKey(q) === parameterKey(p))));
    const common = new Set(shared.map(parameterKey));
    const item: JsonObject = { parameters: sortedParameters(shared) };
    for (const route of routes) item[route.method] = operationJson(route, names, common);
    paths[path] = item;
  }
  return paths;
}
