// RequestInfo as k8s.io/apiserver/pkg/endpoints/request/requestinfo.go derives it from a URL: the
// verb, the API group/version, namespace, resource, name and subresource. Every later filter and
// handler reads it instead of the URL.
import { parseFieldSelector, type FieldSelector } from '../selectors/field-selector.js';
import { parseLabelSelector } from '../selectors/label-selector.js';
import { isValidPathSegmentName } from '../validation/names.js';

export type RequestVerb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'deletecollection'
  | 'proxy'
  | 'head'
  | 'options'
  | 'post'
  | 'put'
  | '';

export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: RequestVerb;
  apiPrefix: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  /**
   * The name from the URL (for a legacy `/watch/` path, the watched object's name); for a list or
   * watch of a collection, the name an exact `metadata.name` field selector asks for.
   */
  name: string;
  /** The path segments after the namespace, as Kubernetes keeps them. */
  parts: string[];
  /** True for the legacy `/api/v1/watch/...` form. */
  legacyWatch: boolean;
}

/** requestinfo.go's error: a special verb with nothing after it (`/api/v1/watch`). */
export class RequestInfoError extends Error {}

const METHOD_VERBS: Record<string, RequestVerb> = {
  GET: 'get',
  HEAD: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** Path segments that name the verb (`/api/v1/watch/pods`, `/api/v1/proxy/nodes/n1`). */
const SPECIAL_VERBS = new Set<RequestVerb>(['proxy', 'watch']);

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** A query boolean as apimachinery reads one: present and neither "false" nor "0". */
function isTrue(value: string | null): boolean {
  return value !== null && value.toLowerCase() !== 'false' && value !== '0';
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64) succeeds: an optional sign, decimal digits, in range. */
function isInt64(s: string): boolean {
  return /^[+-]?\d+$/.test(s) && BigInt(s) >= INT64_MIN && BigInt(s) <= INT64_MAX;
}

/**
 * The field selector of a collection GET when its query decodes as metainternalversion
 * ListOptions (the integers and both selectors parse; the first of repeated values counts), or
 * undefined when decoding fails and requestinfo.go gives the request no name.
 */
function decodedFieldSelector(query: URLSearchParams): FieldSelector | undefined {
  for (const name of ['limit', 'timeoutSeconds']) {
    const value = query.get(name);
    if (value !== null && !isInt64(value)) return undefined;
  }
  try {
    parseLabelSelector(query.get('labelSelector') ?? '');
    return parseFieldSelector(query.get('fieldSelector') ?? '');
  } catch {
    return undefined;
  }
}

/**
 * The name a list or watch is authorized for: that of an exact `metadata.name` field selector,
 * when it is a valid path segment, so RBAC resourceNames rules apply to single-object lists.
 */
function selectedName(query: URLSearchParams): string {
  const name = decodedFieldSelector(query)?.requiresExactMatch('metadata.name');
  return name !== undefined && isValidPathSegmentName(name).length === 0 ? name : '';
}

function nonResource(path: string, method: string): RequestInfo {
  return {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase() as RequestVerb,
    apiPrefix: '',
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
    legacyWatch: false,
  };
}

function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? trimmed.split('/').map(safeDecode) : [];
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Parses a request the way kube-apiserver's RequestInfoFactory does; throws RequestInfoError
 * where NewRequestInfo returns an error.
 */
export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const info = nonResource(path, method);
  let rest = splitPath(path);
  // Discovery (/api, /api/v1, /apis/<group>/<version>) and other short paths are non-resource
  // requests whose verb is the lower-cased method.
  if (rest.length < 3 || (rest[0] !== 'api' && rest[0] !== 'apis')) return info;
  info.apiPrefix = rest[0];
  rest = rest.slice(1);
  if (info.apiPrefix === 'apis') {
    if (rest.length < 3) return info;
    info.apiGroup = rest[0];
    rest = rest.slice(1);
  }
  info.isResourceRequest = true;
  info.apiVersion = rest[0];
  rest = rest.slice(1);
  const special = SPECIAL_VERBS.has(rest[0] as RequestVerb);
  if (special && rest.length < 2) throw new RequestInfoError('unable to determine kind and namespace from url');
  // Any other method (OPTIONS, CONNECT, ...) stays a resource request with no verb.
  info.verb = special ? (rest[0] as RequestVerb) : (METHOD_VERBS[method] ?? '');
  info.legacyWatch = special && info.verb === 'watch';
  if (special) rest = rest.slice(1);

  if (rest[0] === 'namespaces') {
    if (rest.length > 1) {
      info.namespace = rest[1];
      if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) rest = rest.slice(2);
    }
  }
  info.parts = rest;
  // The proxy verb takes no subresource: everything after the name is the proxied path.
  if (rest.length >= 3 && info.verb !== 'proxy') info.subresource = rest[2];
  if (rest.length >= 2) info.name = rest[1];
  if (rest.length >= 1) info.resource = rest[0];

  if (!info.name && info.verb === 'get') {
    info.verb = isTrue(query.get('watch')) ? 'watch' : 'list';
    info.name = selectedName(query);
  }
  if (!info.name && info.verb === 'delete') info.verb = 'deletecollection';
  return info;
}
