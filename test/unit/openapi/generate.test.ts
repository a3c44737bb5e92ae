import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generate } from '../../../scripts/gen-openapi.js';

const committed = join(import.meta.dirname, '..', '..', '..', 'openapi');

type Json = Record<string, any>;
const readJson = (file: string): Json => JSON.parse(readFileSync(join(committed, file), 'utf8')) as Json;

describe('openapi generation', () => {
  let out: string;
  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'kubefake-openapi-'));
    await generate(out);
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('regenerates the committed openapi/ byte for byte', () => {
    for (const sub of ['v2', 'v3']) {
      const files = readdirSync(join(committed, sub)).sort();
      assert.deepEqual(readdirSync(join(out, sub)).sort(), files);
      for (const f of files) assert.ok(readFileSync(join(out, sub, f)).equals(readFileSync(join(committed, sub, f))), `${sub}/${f} differs`);
    }
  });
});

describe('openapi documents', () => {
  const index = readJson('v3/index.json');
  const core = readJson('v3/api__v1.json');

  it('indexes the 21 stable group versions with sha512 hashes', () => {
    assert.equal(Object.keys(index).length, 21);
    assert.ok(index['api/v1'] && index['apis/apps/v1'] && index['apis/autoscaling/v2']);
    for (const entry of Object.values(index)) assert.match(entry.hash, /^[0-9A-F]{128}$/);
  });

  it('gives Pod its group-version-kind and PodSpec.containers its merge metadata', () => {
    const schemas = core.components.schemas;
    assert.deepEqual(schemas['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind'], [{ group: '', kind: 'Pod', version: 'v1' }]);
    const containers = schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
    assert.equal(containers['x-kubernetes-patch-strategy'], 'merge');
    assert.equal(containers['x-kubernetes-patch-merge-key'], 'name');
    assert.equal(containers['x-kubernetes-list-type'], 'map');
    assert.deepEqual(containers['x-kubernetes-list-map-keys'], ['name']);
    assert.deepEqual(containers.items.allOf, [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' }]);
    assert.ok(schemas['io.k8s.api.core.v1.PodSpec'].required.includes('containers'));
  });

  it('has a PATCH on the pod path with the GVK and inline fieldValidation (the kubectl probe)', () => {
    const item = core.paths['/api/v1/namespaces/{namespace}/pods/{name}'];
    assert.deepEqual(item.patch['x-kubernetes-group-version-kind'], { group: '', kind: 'Pod', version: 'v1' });
    assert.equal(item.patch['x-kubernetes-action'], 'patch');
    const names = item.patch.parameters.map((p: Json) => p.name);
    for (const name of ['dryRun', 'fieldManager', 'fieldValidation', 'force']) assert.ok(names.includes(name), name);
    assert.equal(item.patch.parameters.find((p: Json) => p.name === 'fieldValidation').in, 'query');
  });

  it('describes subresources and watches with their own kinds', () => {
    const scale = readJson('v3/apis__apps__v1.json').paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'];
    assert.deepEqual(scale.get['x-kubernetes-group-version-kind'], { group: 'autoscaling', kind: 'Scale', version: 'v1' });
    const watch = core.paths['/api/v1/watch/namespaces/{namespace}/pods'].get;
    assert.equal(watch['x-kubernetes-action'], 'watchlist');
    assert.equal(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/resize'], undefined, 'pods/resize is off in 1.32');
  });

  it('resolves every $ref inside its own document', () => {
    for (const entry of Object.values(index)) {
      const doc = readJson(join('v3', entry.file));
      const text = JSON.stringify(doc);
      for (const m of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
        assert.ok(doc.components.schemas[m[1]], `${entry.file}: ${m[1]}`);
      }
    }
    const v2 = readJson('v2/swagger.json');
    for (const m of JSON.stringify(v2).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) assert.ok(v2.definitions[m[1]], m[1]);
  });

  it('writes IntOrString and Quantity as Kubernetes v3 does', () => {
    const schemas = core.components.schemas;
    assert.deepEqual(schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].oneOf, [{ type: 'integer' }, { type: 'string' }]);
    assert.deepEqual(schemas['io.k8s.apimachinery.pkg.api.resource.Quantity'].oneOf, [{ type: 'string' }, { type: 'number' }]);
    const limits = schemas['io.k8s.api.core.v1.ResourceRequirements'].properties.limits;
    assert.deepEqual(limits.additionalProperties, { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' });
  });
});
