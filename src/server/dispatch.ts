// The end of the handler chain: non-resource paths (discovery, version, health, OpenAPI), then
// resource requests routed by verb and subresource to the per-verb handlers. No per-resource code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newMethodNotSupported, newNotFound } from '../api/errors.js';
import type { Registry, ServedResource } from '../registry/registry.js';
import type { ResourceDefinition, SubresourceDefinition } from '../registry/resource.js';
import { getQuery, getRequestInfo } from './context.js';
import type { RequestInfo } from './request-info.js';
import { addWarning, writeMethodNotAllowedPage, writeNotFoundPage } from './respond.js';
import type { Handler } from './filters/types.js';
import type { RequestScope } from './handlers/scope.js';
import { handleGet } from './handlers/get.js';
import { handleList } from './handlers/list.js';
import { handleWatch, type WatchSettings } from './handlers/watch.js';
import { handleCreate } from './handlers/create.js';
import { handleUpdate } from './handlers/update.js';
import { handlePatch } from './handlers/patch.js';
import { handleDelete, handleDeleteCollection } from './handlers/delete.js';
import { handleGetScale, handleWriteScale } from './handlers/scale.js';
import { handleBinding } from './handlers/binding.js';
import { handleFinalize } from './handlers/finalize.js';
import { respondObject } from './handlers/scope.js';
import { expectedKindOf, toObject } from './handlers/body-object.js';
import { decodeObjectBody, readBody } from './body.js';
import { getUser } from './context.js';
import type { AuthServices } from '../auth/index.js';
import { selfSubjectReview, tokenReview, tokenRequest, type ReviewHandler } from '../registry/authentication/index.js';
import { localSubjectAccessReview, selfSubjectAccessReview, selfSubjectRulesReview, subjectAccessReview } from '../registry/authorization/index.js';

export interface NonResourceServer {
  /** Serves the path and returns true, or returns false when the path is not its. */
  serve(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): boolean;
}

export interface DispatchDeps {
  registry: Registry;
  nonResource: readonly NonResourceServer[];
  now(): Date;
  watch: WatchSettings;
  auth: AuthServices;
}

type SubresourceHandler = (scope: RequestScope, deps: DispatchDeps) => void | Promise<void>;

/** A POST answered by computing an object from the body (reviews, TokenRequest): 201 with it. */
function computed(handler: ReviewHandler, kind: { group: string; version: string; kind: string }): SubresourceHandler {
  return async (scope, deps) => {
    const apiVersion = kind.group ? `${kind.group}/${kind.version}` : kind.version;
    const body = toObject((await decodeObjectBody(scope.req, await readBody(scope.req), { apiVersion, kind: kind.kind })).value, kind);
    const user = getUser(scope.req);
    if (!user) throw new Error('no user on the request: withAuthentication must run first');
    const storage = deps.registry.storage;
    const result = await handler(body, { user, namespace: scope.info.namespace, name: scope.info.name, auth: deps.auth, now: deps.now, lookup: (key) => storage.get(key) });
    respondObject(scope, 201, result);
  };
}

const TOKEN_REQUEST = { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' };

/** The subresources kubefake serves, by name and verb. Discovery lists only these. */
const SUBRESOURCE_HANDLERS: Record<string, Partial<Record<string, SubresourceHandler>>> = {
  status: { get: handleGet, update: handleUpdate, patch: handlePatch },
  scale: { get: handleGetScale, update: handleWriteScale, patch: handleWriteScale },
  binding: { create: (scope, deps) => handleBinding(scope, deps.registry.store('', 'pods')) },
  finalize: { update: handleFinalize },
  token: { create: computed(tokenRequest, TOKEN_REQUEST) },
};

/** The create of a computed review kind, answered by `handler`. */
function review(handler: ReviewHandler): SubresourceHandler {
  return (scope, deps) => computed(handler, expectedKindOf(scope.resource.def))(scope, deps);
}

/**
 * Resources whose create is not a stored object's: core/v1 bindings write the pod; the review
 * kinds are answered by the authenticators and the authorizer.
 */
const CREATE_HANDLERS: Record<string, SubresourceHandler> = {
  '/bindings': (scope, deps) => handleBinding(scope, deps.registry.store('', 'pods')),
  'authentication.k8s.io/selfsubjectreviews': review(selfSubjectReview),
  'authentication.k8s.io/tokenreviews': review(tokenReview),
  'authorization.k8s.io/subjectaccessreviews': review(subjectAccessReview),
  'authorization.k8s.io/selfsubjectaccessreviews': review(selfSubjectAccessReview),
  'authorization.k8s.io/localsubjectaccessreviews': review(localSubjectAccessReview),
  'authorization.k8s.io/selfsubjectrulesreviews': review(selfSubjectRulesReview),
};

/** Writes to the RBAC kinds go through a store that checks escalation for the requesting user. */
function withGuardedStore(scope: RequestScope, deps: DispatchDeps): RequestScope {
  const { verb } = scope.info;
  if (verb !== 'create' && verb !== 'update' && verb !== 'patch') return scope;
  const user = getUser(scope.req);
  const store = user && deps.auth.guardedStore(scope.resource.def, user);
  return store ? { ...scope, resource: { def: scope.resource.def, store } } : scope;
}

export function servesSubresource(_def: ResourceDefinition, sub: SubresourceDefinition): boolean {
  return sub.name in SUBRESOURCE_HANDLERS;
}

function resolve(registry: Registry, info: RequestInfo): ServedResource | undefined {
  if (!registry.hasGroupVersion(info.apiGroup, info.apiVersion)) return undefined;
  return registry.lookup(info.apiGroup, info.apiVersion, info.resource);
}

function verbAllowed(def: ResourceDefinition, verb: string): boolean {
  return def.verbs?.includes(verb as never) ?? false;
}

async function dispatchResource(scope: RequestScope, deps: DispatchDeps): Promise<void> {
  const { info, resource } = scope;
  const { def } = resource;
  // A namespace's own URL carries its name as the namespace (requestinfo.go), hence the exception.
  const scoped = def.namespaced ? Boolean(info.namespace) : !info.namespace || def.plural === 'namespaces';
  if (!scoped && !(def.namespaced && (info.verb === 'list' || info.verb === 'watch'))) {
    return writeNotFoundPage(scope.res);
  }
  if (info.subresource) {
    const sub = def.subresources?.find((s) => s.name === info.subresource);
    const handler = sub && servesSubresource(def, sub) ? SUBRESOURCE_HANDLERS[sub.name][info.verb] : undefined;
    if (!sub || !servesSubresource(def, sub)) {
      // The crdHandler answers what it does not serve with a NotFound Status, not go-restful's page.
      if (def.declaredSchema) throw newNotFound(resource.store.groupResource, info.name);
      return writeNotFoundPage(scope.res);
    }
    if (!handler || !sub.verbs.includes(info.verb as never)) throw newMethodNotSupported(resource.store.groupResource, info.verb);
    return handler(scope, deps);
  }
  if (info.parts.length > 2) return writeNotFoundPage(scope.res);
  if (!verbAllowed(def, info.verb)) throw newMethodNotSupported(resource.store.groupResource, info.verb);
  const createHandler = CREATE_HANDLERS[`${def.group}/${def.plural}`];
  if (createHandler && info.verb === 'create') return createHandler(scope, deps);
  switch (info.verb) {
    case 'get':
      return handleGet(scope);
    case 'list':
      return handleList(scope);
    case 'watch':
      return handleWatch(scope, deps.watch);
    case 'create':
      if (info.name) throw newMethodNotSupported(resource.store.groupResource, 'create');
      return handleCreate(scope);
    case 'update':
      return handleUpdate(scope);
    case 'patch':
      return handlePatch(scope);
    case 'delete':
      return handleDelete(scope);
    case 'deletecollection':
      return handleDeleteCollection(scope);
    default:
      throw newMethodNotSupported(resource.store.groupResource, info.verb);
  }
}

export function createDispatcher(deps: DispatchDeps): Handler {
  return async (req, res) => {
    const info = getRequestInfo(req);
    const query = getQuery(req);
    if (!info.isResourceRequest || !info.resource) {
      for (const server of deps.nonResource) if (server.serve(req, res, info.path, query)) return;
      return writeNotFoundPage(res);
    }
    // The deprecated /api/v1/proxy/... form is parsed (for authorization) but has no routes.
    const resource = info.verb === 'proxy' ? undefined : resolve(deps.registry, info);
    if (!resource) return writeNotFoundPage(res);
    // A method requestinfo.go maps to no verb (OPTIONS, …) has no route in go-restful either.
    if (info.verb === '') return writeMethodNotAllowedPage(res);
    if (resource.def.deprecationWarning) addWarning(res, resource.def.deprecationWarning);
    await dispatchResource(withGuardedStore({ req, res, info, query, resource, now: deps.now, warnings: [] }, deps), deps);
  };
}
