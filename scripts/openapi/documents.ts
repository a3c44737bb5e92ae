// Builds the OpenAPI v3 document of every served group version (paths plus the schemas they
// reference, transitively) from the client-node models and API classes and the overlay.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readApiClass, type ApiClass, type ApiOperation } from './client-apis.js';
import { readModels, type Model } from './client-models.js';
import type { JsonObject, JsonValue } from './json.js';
import { operation, watchOperation, parameter, splitMethod, type OperationContext } from './operations.js';
import { KINDS_IN_EVERY_GROUP, RESOURCES } from './overlay.js';
import { assignSchemaNames, kindOf, packageOf } from './schema-names.js';
import { SchemaBuilder, type GroupVersionKind } from './schemas.js';

const META_PACKAGE = 'io.k8s.apimachinery.pkg.apis.meta.v1';

export function gvPrefix(groupVersion: string): string {
  return groupVersion === 'v1' ? '/api/v1' : `/apis/${groupVersion}`;
}

/** `pods`, `pods/status`, or `` for the group version's root, from an operation path. */
export function resourcePath(groupVersion: string, path: string): string {
  const rest = path.slice(gvPrefix(groupVersion).length + 1).replace(/^namespaces\/\{namespace\}\//, '');
  const [resource, name, sub] = rest.split('/');
  return name && sub ? `${resource}/${sub}` : resource;
}

const collectionOf = (path: string): string => path.replace(/\/\{name\}(\/.*)?$/, '');

function readServedApis(apisDir: string): ApiClass[] {
  const names = readdirSync(apisDir)
    .map((f) => /^(\w+V\d+)Api\.js$/.exec(f)?.[1])
    .filter((n): n is string => !!n)
    .sort();
  return names
    .map((n) => readApiClass(apisDir, n))
    .filter((api) => RESOURCES[api.groupVersion])
    .map((api) => ({
      ...api,
      operations: api.operations.filter((op) => {
        const resource = resourcePath(api.groupVersion, op.path);
        return resource === '' || RESOURCES[api.groupVersion].includes(resource);
      }),
    }));
}

class Catalog {
  readonly builder: SchemaBuilder;
  readonly #names: Map<string, string>;
  readonly #models: Map<string, Model>;
  readonly #kinds = new Map<string, GroupVersionKind[]>();

  constructor(models: Map<string, Model>, apis: ApiClass[]) {
    this.#models = models;
    this.#names = assignSchemaNames(models, apis);
    this.builder = new SchemaBuilder(models, this.#names);
    const gvByPackage = new Map(apis.map((a) => [packageOf(a.groupVersion), a.groupVersion]));
    const served = new Set(apis.flatMap((a) => a.operations.flatMap((op) => [op.body?.type ?? '', ...op.responses.values()])));
    for (const [model, name] of this.#names) {
      const fields = models.get(model)!.fields.map((f) => f.name);
      if (!served.has(model) || !fields.includes('kind') || !fields.includes('apiVersion')) continue;
      const pkg = name.slice(0, name.lastIndexOf('.'));
      const kind = kindOf(model);
      const gvs = pkg !== META_PACKAGE ? [gvByPackage.get(pkg)!] : KINDS_IN_EVERY_GROUP.includes(kind) ? apis.map((a) => a.groupVersion) : ['v1'];
      this.#kinds.set(model, gvs.map((gv) => gvkOf(gv, kind)));
    }
  }

  schemaName(model: string): string {
    const name = this.#names.get(model);
    if (!name) throw new Error(`model ${model} has no schema name`);
    return name;
  }

  kindOf(model: string): GroupVersionKind | undefined {
    const kinds = this.#kinds.get(model);
    if (!kinds) return undefined;
    const pkg = this.schemaName(model);
    return kinds.find((k) => pkg.startsWith(packageOf(k.group ? `${k.group}/${k.version}` : k.version))) ?? kinds[0];
  }

  /** The schema named `name` and the model behind it, if any. */
  schema(name: string): JsonObject {
    const named = SchemaBuilder.named(name);
    if (named) return structuredClone(named);
    const model = [...this.#names].find(([, n]) => n === name)?.[0];
    if (!model) throw new Error(`no schema ${name}`);
    return this.builder.modelSchema(model, this.#kinds.get(model) ?? []);
  }

  get models(): Map<string, Model> {
    return this.#models;
  }
}

function gvkOf(groupVersion: string, kind: string): GroupVersionKind {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  return { group, kind, version };
}

function collectRefs(value: JsonValue, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.add(v.replace('#/components/schemas/', ''));
      else collectRefs(v, into);
    }
  }
}

/** Every schema `paths` reaches, transitively. */
function components(paths: JsonObject, catalog: Catalog): JsonObject {
  const pending = new Set<string>();
  collectRefs(paths, pending);
  const schemas: JsonObject = {};
  for (const name of pending) {
    schemas[name] = catalog.schema(name);
    collectRefs(schemas[name], pending);
  }
  return schemas;
}

function operationContext(api: ApiClass, catalog: Catalog): OperationContext {
  const byCollection = new Map<string, string>();
  for (const op of api.operations) {
    if (op.path.includes('{name}')) continue;
    const [verb] = splitMethod(op.method);
    const listed = verb === 'list' ? op.responses.get('200')?.replace(/List$/, '') : undefined;
    const model = listed ?? (verb === 'create' ? op.body?.type : undefined);
    if (model && catalog.models.has(model) && !byCollection.has(op.path)) byCollection.set(op.path, model);
  }
  return {
    schemaName: (model) => catalog.schemaName(model),
    kindOf: (model) => catalog.kindOf(model),
    resourceKind: (path) => {
      const model = byCollection.get(collectionOf(path));
      return model ? catalog.kindOf(model) : undefined;
    },
  };
}

function pathItem(api: ApiClass, ops: ApiOperation[], ctx: OperationContext): JsonObject {
  const pathParams = ops[0].parameters.filter((p) => p.in === 'path');
  const shared = new Set(pathParams.map((p) => p.name));
  if (ops.every((op) => op.parameters.some((p) => p.name === 'pretty'))) shared.add('pretty');
  const item: JsonObject = {};
  const sharedParams = ops[0].parameters.filter((p) => shared.has(p.name));
  if (sharedParams.length) item.parameters = sharedParams.map(parameter);
  for (const op of ops) item[op.httpMethod.toLowerCase()] = operation(api, op, shared, ctx);
  return item;
}

function watchPaths(api: ApiClass, ctx: OperationContext): JsonObject {
  const prefix = gvPrefix(api.groupVersion);
  const lists = new Map(api.operations.filter((op) => splitMethod(op.method)[0] === 'list').map((op) => [op.path, op]));
  const paths: JsonObject = {};
  for (const op of api.operations) {
    const verb = splitMethod(op.method)[0];
    const list = lists.get(collectionOf(op.path));
    const isResource = !resourcePath(api.groupVersion, op.path).includes('/');
    if (!list || !isResource || !(verb === 'list' || (verb === 'read' && op.path.endsWith('{name}')))) continue;
    const path = op.path.replace(`${prefix}/`, `${prefix}/watch/`);
    const params = op.parameters.filter((p) => p.in === 'path').map(parameter);
    paths[path] = { get: watchOperation(api, op, list.parameters, ctx), ...(params.length ? { parameters: params } : {}) };
  }
  return paths;
}

function groupVersionDocument(api: ApiClass, catalog: Catalog): JsonObject {
  const ctx = operationContext(api, catalog);
  const byPath = new Map<string, ApiOperation[]>();
  for (const op of api.operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  const paths: JsonObject = watchPaths(api, ctx);
  for (const [path, ops] of byPath) paths[path] = pathItem(api, ops, ctx);
  return {
    components: {
      schemas: components(paths, catalog),
      securitySchemes: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } },
    },
    info: { title: 'Kubernetes', version: 'unversioned' },
    openapi: '3.0.0',
    paths,
    security: [{ BearerToken: [] }],
  };
}

/** The v3 document of every served group version, keyed by its discovery path (`api/v1`, `apis/apps/v1`). */
export async function buildDocuments(clientDist: string): Promise<Map<string, JsonObject>> {
  const models = await readModels(join(clientDist, 'gen', 'models'));
  const apis = readServedApis(join(clientDist, 'gen', 'apis'));
  const missing = Object.keys(RESOURCES).filter((gv) => !apis.some((a) => a.groupVersion === gv));
  if (missing.length) throw new Error(`client-node has no API class for ${missing.join(', ')}`);
  const catalog = new Catalog(models, apis);
  const docs = new Map<string, JsonObject>();
  for (const api of apis) docs.set(gvPrefix(api.groupVersion).slice(1), groupVersionDocument(api, catalog));
  return docs;
}
