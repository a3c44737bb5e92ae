// The end of the handler chain: non-resource paths (discovery, version, health, OpenAPI), then
// resource requests routed by verb and subresource to the per-verb handlers. No per-resource code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newMethodNotSupported } from '../api/errors.js';
import type { Registry, ServedResource } from '../registry/registry.js';
import type { ResourceDefinition, SubresourceDefinition } from '../registry/resource.js';
import { getQuery, getRequestInfo } from './context.js';
import type { RequestInfo } from './request-info.js';
import { writeNotFoundPage } from './respond.js';
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

export interface NonResourceServer {
  /** Serves the path and returns true, or returns false when the path is not its. */
  serve(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): boolean;
}

export interface DispatchDeps {
  registry: Registry;
  nonResource: readonly NonResourceServer[];
  now(): Date;
  watch: WatchSettings;
}

type SubresourceHandler = (scope: RequestScope, deps: DispatchDeps) => void | Promise<void>;

/** The subresources kubefake serves, by name and verb. Discovery lists only these. */
const SUBRESOURCE_HANDLERS: Record<string, Partial<Record<string, SubresourceHandler>>> = {
  status: { get: handleGet, update: handleUpdate, patch: handlePatch },
  scale: { get: handleGetScale, update: handleWriteScale, patch: handleWriteScale },
  binding: { create: (scope, deps) => handleBinding(scope, deps.registry.store('', 'pods')) },
  finalize: { update: handleFinalize },
};

/** Resources whose create is not a stored object's (core/v1 bindings write the pod). */
const CREATE_HANDLERS: Record<string, SubresourceHandler> = {
  '/bindings': (scope, deps) => handleBinding(scope, deps.registry.store('', 'pods')),
};

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
    return writeNotFoundPage(scope.req, scope.res);
  }
  if (info.subresource) {
    const sub = def.subresources?.find((s) => s.name === info.subresource);
    const handler = sub && servesSubresource(def, sub) ? SUBRESOURCE_HANDLERS[sub.name][info.verb] : undefined;
    if (!sub || !servesSubresource(def, sub)) return writeNotFoundPage(scope.req, scope.res);
    if (!handler || !sub.verbs.includes(info.verb as never)) throw newMethodNotSupported(resource.store.groupResource, info.verb);
    return handler(scope, deps);
  }
  if (info.parts.length > 2) return writeNotFoundPage(scope.req, scope.res);
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
      return writeNotFoundPage(req, res);
    }
    const resource = resolve(deps.registry, info);
    if (!resource) return writeNotFoundPage(req, res);
    await dispatchResource({ req, res, info, query, resource, now: deps.now }, deps);
  };
}
