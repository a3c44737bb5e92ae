// The OpenAPI v3 document of a custom resource group version: what kubectl's fieldValidation probe
// and explain read from it (KUBECTL_WIRE.md §3), and the shapes apiextensions-apiserver's builder
// gives its paths and schemas.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildCustomResourceOpenAPI, customResourceDocumentPath } from '../../../src/discovery/custom-resource-openapi.js';
import type { KubeObject } from '../../../src/api/types.js';

type Json = Record<string, any>;

const GROUP = 'stable.example.com';
const APPS = JSON.parse(readFileSync(new URL('../../../openapi/v3/apis__apps__v1.json', import.meta.url), 'utf8')) as Json;
const COMMON = APPS.components.schemas as Record<string, object>;
const NS_ROOT = `/apis/${GROUP}/v1/namespaces/{namespace}/crontabs`;
const SMP = 'application/strategic-merge-patch+json';
const PATCH_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json'];

const cronTabs: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `crontabs.${GROUP}` },
  spec: {
    group: GROUP,
    scope: 'Namespaced',
    names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', listKind: 'CronTabList' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            description: 'A CronTab runs a command on a schedule.',
            properties: {
              spec: {
                type: 'object',
                example: { cronSpec: '* * * * *' },
                required: ['cronSpec'],
                properties: {
                  cronSpec: { type: 'string', description: 'When to run.' },
                  port: { 'x-kubernetes-int-or-string': true },
                  template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
                  replicas: { type: 'integer', format: 'int32', minimum: 0, nullable: false },
                },
              },
              status: { type: 'object', properties: { replicas: { type: 'integer' } } },
            },
          },
        },
      },
      { name: 'v2', served: false, storage: false, schema: { openAPIV3Schema: { type: 'object' } } },
    ],
  },
};

const gadgets: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `gadgets.${GROUP}` },
  spec: {
    group: GROUP,
    scope: 'Cluster',
    names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { size: { type: 'string' } } } } }],
  },
};

const otherGroup: KubeObject = {
  metadata: { name: 'things.other.example.com' },
  spec: { group: 'other.example.com', scope: 'Namespaced', names: { plural: 'things', kind: 'Thing' }, versions: [{ name: 'v1', served: true }] },
};

const doc = buildCustomResourceOpenAPI(GROUP, 'v1', [cronTabs, gadgets, otherGroup], COMMON) as Json;
const schemas = doc.components.schemas as Json;

function operations(document: Json): [string, string, Json][] {
  return Object.entries(document.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => method !== 'parameters')
      .map(([method, op]) => [path, method, op as Json] as [string, string, Json]),
  );
}

/** KUBECTL_WIRE.md §3a: kubectl wants some path's PATCH carrying the GVK and a fieldValidation query parameter. */
function supportsFieldValidation(document: Json, kind: string): boolean {
  return operations(document).some(
    ([, method, op]) =>
      method === 'patch' &&
      op['x-kubernetes-group-version-kind']?.kind === kind &&
      op['x-kubernetes-group-version-kind']?.group === GROUP &&
      op['x-kubernetes-group-version-kind']?.version === 'v1' &&
      (op.parameters as Json[]).some((p) => p.name === 'fieldValidation' && p.in === 'query'),
  );
}

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref') out.push(v as string);
      else refs(v, out);
    }
  }
  return out;
}

describe('buildCustomResourceOpenAPI', () => {
  it('is an OpenAPI 3.0.0 document with info, paths and component schemas', () => {
    assert.equal(doc.openapi, '3.0.0');
    assert.deepEqual(doc.info, { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' });
    assert.ok(doc.paths && doc.components.schemas);
    assert.equal(customResourceDocumentPath(GROUP, 'v1'), 'apis/stable.example.com/v1');
  });

  it('has the namespaced, status, scale and cluster-scoped paths and no watch paths', () => {
    assert.deepEqual(Object.keys(doc.paths), [
      `/apis/${GROUP}/v1/crontabs`,
      `/apis/${GROUP}/v1/gadgets`,
      `/apis/${GROUP}/v1/gadgets/{name}`,
      NS_ROOT,
      `${NS_ROOT}/{name}`,
      `${NS_ROOT}/{name}/scale`,
      `${NS_ROOT}/{name}/status`,
    ]);
    const methods = (path: string): string[] => Object.keys(doc.paths[path]).sort();
    assert.deepEqual(methods(`/apis/${GROUP}/v1/crontabs`), ['get', 'parameters']);
    assert.deepEqual(methods(NS_ROOT), ['delete', 'get', 'parameters', 'post']);
    assert.deepEqual(methods(`${NS_ROOT}/{name}`), ['delete', 'get', 'parameters', 'patch', 'put']);
    assert.deepEqual(methods(`${NS_ROOT}/{name}/status`), ['get', 'parameters', 'patch', 'put']);
    assert.deepEqual(methods(`${NS_ROOT}/{name}/scale`), ['get', 'parameters', 'patch', 'put']);
    assert.deepEqual(methods(`/apis/${GROUP}/v1/gadgets/{name}`), ['delete', 'get', 'parameters', 'patch', 'put']);
  });

  it('passes kubectl fieldValidation probe for both kinds', () => {
    assert.ok(supportsFieldValidation(doc, 'CronTab'));
    assert.ok(supportsFieldValidation(doc, 'Gadget'));
  });

  it('PATCH takes apply, JSON and merge patches but not strategic merge, with force and fieldManager', () => {
    const patch = doc.paths[`${NS_ROOT}/{name}`].patch as Json;
    assert.equal(patch.operationId, 'patchStableExampleComV1NamespacedCronTab');
    assert.equal(patch['x-kubernetes-action'], 'patch');
    assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: GROUP, kind: 'CronTab', version: 'v1' });
    assert.deepEqual(Object.keys(patch.requestBody.content).sort(), PATCH_TYPES);
    assert.equal(patch.requestBody.required, true);
    assert.deepEqual(patch.requestBody.content['application/apply-patch+yaml'].schema, {
      $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
    });
    assert.deepEqual(
      patch.parameters.map((p: Json) => p.name),
      ['dryRun', 'fieldManager', 'fieldValidation', 'force'],
    );
    for (const [path, method, op] of operations(doc)) {
      assert.ok(!(SMP in (op.requestBody?.content ?? {})), `${method} ${path} offers strategic merge patch`);
      assert.equal(typeof op['x-kubernetes-action'], 'string', `${method} ${path}`);
      assert.ok(op['x-kubernetes-group-version-kind'], `${method} ${path}`);
      assert.deepEqual(op.tags, ['stableExampleCom_v1']);
      assert.deepEqual(op.responses['401'], { description: 'Unauthorized' });
    }
  });

  it('names operations as kube-apiserver does', () => {
    const id = (path: string, method: string): string => doc.paths[path][method].operationId;
    assert.equal(id(`/apis/${GROUP}/v1/crontabs`, 'get'), 'listStableExampleComV1CronTabForAllNamespaces');
    assert.equal(id(NS_ROOT, 'get'), 'listStableExampleComV1NamespacedCronTab');
    assert.equal(id(NS_ROOT, 'post'), 'createStableExampleComV1NamespacedCronTab');
    assert.equal(id(NS_ROOT, 'delete'), 'deleteStableExampleComV1CollectionNamespacedCronTab');
    assert.equal(id(`${NS_ROOT}/{name}`, 'get'), 'readStableExampleComV1NamespacedCronTab');
    assert.equal(id(`${NS_ROOT}/{name}`, 'put'), 'replaceStableExampleComV1NamespacedCronTab');
    assert.equal(id(`${NS_ROOT}/{name}/status`, 'patch'), 'patchStableExampleComV1NamespacedCronTabStatus');
    assert.equal(id(`${NS_ROOT}/{name}/scale`, 'get'), 'readStableExampleComV1NamespacedCronTabScale');
    assert.equal(id(`/apis/${GROUP}/v1/gadgets`, 'delete'), 'deleteStableExampleComV1CollectionGadget');
    assert.equal(id(`/apis/${GROUP}/v1/gadgets/{name}`, 'patch'), 'patchStableExampleComV1Gadget');
    assert.equal(doc.paths[NS_ROOT].post.description, 'create a CronTab');
    assert.equal(doc.paths[NS_ROOT].delete.description, 'delete collection of CronTab');
    assert.equal(doc.paths[`${NS_ROOT}/{name}/status`].put.description, 'replace status of the specified CronTab');
  });

  it('hoists the parameters every operation of a path shares', () => {
    const names = (params: Json[]): string[] => params.map((p) => `${p.in}:${p.name}`);
    assert.deepEqual(names(doc.paths[NS_ROOT].parameters), ['path:namespace', 'query:pretty']);
    assert.deepEqual(names(doc.paths[`${NS_ROOT}/{name}`].parameters), ['path:name', 'path:namespace', 'query:pretty']);
    assert.deepEqual(names(doc.paths[`/apis/${GROUP}/v1/gadgets`].parameters), ['query:pretty']);
    const allNamespaces = doc.paths[`/apis/${GROUP}/v1/crontabs`];
    assert.ok(names(allNamespaces.parameters).includes('query:watch'));
    assert.equal(allNamespaces.get.parameters, undefined);
    assert.deepEqual(names(doc.paths[`${NS_ROOT}/{name}`].get.parameters), ['query:resourceVersion']);
    assert.ok(names(doc.paths[NS_ROOT].delete.parameters).includes('query:labelSelector'));
    assert.equal(doc.paths[`${NS_ROOT}/{name}`].delete.requestBody.required, undefined);
    const name = doc.paths[`${NS_ROOT}/{name}`].parameters[0];
    assert.deepEqual(name, { description: 'name of the CronTab', in: 'path', name: 'name', required: true, schema: { type: 'string', uniqueItems: true } });
  });

  it('serves autoscaling/v1 Scale on the scale subresource and the kind on status', () => {
    const scale = doc.paths[`${NS_ROOT}/{name}/scale`];
    const scaleRef = { $ref: '#/components/schemas/io.k8s.api.autoscaling.v1.Scale' };
    assert.deepEqual(scale.get.responses['200'].content['application/json'].schema, scaleRef);
    assert.deepEqual(scale.put.requestBody.content['application/json'].schema, scaleRef);
    assert.deepEqual(scale.patch['x-kubernetes-group-version-kind'], { group: GROUP, kind: 'CronTab', version: 'v1' });
    const status = doc.paths[`${NS_ROOT}/{name}/status`];
    assert.deepEqual(status.get.responses['200'].content['application/yaml'].schema, { $ref: '#/components/schemas/com.example.stable.v1.CronTab' });
  });

  it('names the kind and list schemas after the reversed group and carries their GVKs', () => {
    for (const name of ['com.example.stable.v1.CronTab', 'com.example.stable.v1.CronTabList', 'com.example.stable.v1.Gadget', 'com.example.stable.v1.GadgetList']) {
      assert.ok(schemas[name], name);
    }
    const cronTab = schemas['com.example.stable.v1.CronTab'];
    assert.deepEqual(cronTab['x-kubernetes-group-version-kind'], [{ group: GROUP, kind: 'CronTab', version: 'v1' }]);
    assert.equal(cronTab.description, 'A CronTab runs a command on a schedule.');
    assert.deepEqual(cronTab.properties.metadata.allOf, [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }]);
    assert.equal(cronTab.properties.apiVersion.type, 'string');
    assert.equal(cronTab.properties.kind.type, 'string');
    const list = schemas['com.example.stable.v1.CronTabList'];
    assert.deepEqual(list['x-kubernetes-group-version-kind'], [{ group: GROUP, kind: 'CronTabList', version: 'v1' }]);
    assert.deepEqual(list.required, ['items']);
    assert.deepEqual(list.properties.items.items, { $ref: '#/components/schemas/com.example.stable.v1.CronTab' });
    assert.deepEqual(list.properties.metadata.allOf, [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta' }]);
    assert.equal(schemas['io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent'], undefined, 'no watch paths, so no WatchEvent');
    assert.equal(schemas['io.k8s.api.apps.v1.Deployment'], undefined, 'only referenced schemas are copied');
  });

  it('publishes the version schema as the structural builder does', () => {
    const spec = schemas['com.example.stable.v1.CronTab'].properties.spec;
    assert.equal(spec.example, undefined);
    assert.deepEqual(spec.required, ['cronSpec']);
    assert.deepEqual(spec.properties.replicas, { type: 'integer', format: 'int32', minimum: 0 });
    assert.deepEqual(spec.properties.port, { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] });
    const template = spec.properties.template;
    assert.deepEqual(template.required, ['kind', 'apiVersion']);
    assert.deepEqual(Object.keys(template.properties).sort(), ['apiVersion', 'kind', 'metadata']);
    assert.equal(template['x-kubernetes-preserve-unknown-fields'], true);
    const stored = (cronTabs.spec as Json).versions[0].schema.openAPIV3Schema;
    assert.equal(stored.properties.metadata, undefined, 'the stored CRD is left as it was');
  });

  it('resolves every $ref within the document', () => {
    const all = refs(doc);
    assert.ok(all.length > 0);
    for (const ref of all) {
      assert.ok(ref.startsWith('#/components/schemas/'), ref);
      assert.ok(schemas[ref.slice('#/components/schemas/'.length)], `unresolved ${ref}`);
    }
  });

  it('leaves out versions that are not served, and other groups', () => {
    const v2 = buildCustomResourceOpenAPI(GROUP, 'v2', [cronTabs, gadgets], COMMON) as Json;
    assert.deepEqual(v2.paths, {});
    assert.deepEqual(v2.components.schemas, {});
    assert.ok(!Object.keys(doc.paths).some((p) => p.includes('other.example.com')));
  });

  it('fails when a referenced common schema is missing', () => {
    const { ['io.k8s.apimachinery.pkg.apis.meta.v1.Patch']: _patch, ...withoutPatch } = COMMON;
    assert.throws(() => buildCustomResourceOpenAPI(GROUP, 'v1', [gadgets], withoutPatch), /io\.k8s\.apimachinery\.pkg\.apis\.meta\.v1\.Patch/);
  });
});
