// RequestInfo as k8s.io/apiserver/pkg/endpoints/request/requestinfo.go derives it from a URL: the
// verb, the API group/version, namespace, resource, name and subresource. Every later filter and
// handler reads it instead of the URL.

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
  /** The name from the URL (for a legacy `/watch/` path, the watched object's name). */
  name: string;
  /** The path segments after the namespace, as Kubernetes keeps them. */
  parts: string[];
  /** True for the legacy `/api/v1/watch/...` form. */
  legacyWatch: boolean;
}

const METHOD_VERBS: Record<string, RequestVerb> = {
  GET: 'get',
  HEAD: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** A query boolean as apimachinery reads one: present and neither "false" nor "0". */
function isTrue(value: string | null): boolean {
  return value !== null && value.toLowerCase() !== 'false' && value !== '0';
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

/** Parses a request the way kube-apiserver's RequestInfoFactory does. */
export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const segments = splitPath(path);
  const prefix = segments[0];
  if (prefix !== 'api' && prefix !== 'apis') return nonResource(path, method);
  const minLength = prefix === 'api' ? 2 : 3;
  if (segments.length < minLength) return nonResource(path, method);
  // Any other method (OPTIONS, CONNECT, ...) stays a resource request with no verb.
  const verb = METHOD_VERBS[method] ?? '';

  const info: RequestInfo = { ...nonResource(path, method), isResourceRequest: true, apiPrefix: prefix, verb };
  let rest = segments.slice(1);
  if (prefix === 'apis') {
    info.apiGroup = rest[0];
    rest = rest.slice(1);
  }
  info.apiVersion = rest[0];
  rest = rest.slice(1);
  if (rest.length === 0) return { ...info, isResourceRequest: false };

  if (rest[0] === 'watch') {
    info.verb = 'watch';
    info.legacyWatch = true;
    rest = rest.slice(1);
  }
  if (rest[0] === 'namespaces') {
    if (rest.length > 1) {
      info.namespace = rest[1];
      if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) rest = rest.slice(2);
    }
  }
  info.parts = rest;
  if (rest.length >= 3) info.subresource = rest[2];
  if (rest.length >= 2) info.name = rest[1];
  if (rest.length >= 1) info.resource = rest[0];

  if (!info.name && info.verb === 'get') info.verb = isTrue(query.get('watch')) ? 'watch' : 'list';
  if (!info.name && info.verb === 'delete') info.verb = 'deletecollection';
  return info;
}
