// The repository's own /openapi/v2 document (openapi/v2/swagger.json) through swaggerToProtobuf,
// decoded back: every definition, property, path and vendor extension is there, in order, and
// every Any's YAML reads back to the JSON value it was made from.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { swaggerToProtobuf } from '../../../src/discovery/openapi-v2/to-protobuf.js';
import { all, extensions, named, one, readFields, text, type ProtoField } from './proto-fields.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

const file = join(import.meta.dirname, '..', '..', '..', 'openapi', 'v2', 'swagger.json');
const json = readFileSync(file);
const spec = JSON.parse(json.toString('utf8')) as { definitions: Record<string, JsonSchema>; paths: Record<string, Record<string, unknown>> };
const msg = (b: Uint8Array): ProtoField[] => readFields(b);

function assertExtensions(where: string, schema: JsonSchema, fields: ProtoField[], n: number): void {
  const expected = Object.fromEntries(Object.entries(schema).filter(([k]) => k.startsWith('x-')));
  const got = extensions(fields, n);
  assert.deepEqual(Object.keys(got), Object.keys(expected), where);
  for (const [k, yamlText] of Object.entries(got)) assert.deepEqual(parseYaml(yamlText), expected[k], `${where} ${k}`);
}

describe('swaggerToProtobuf of openapi/v2/swagger.json', () => {
  const started = Date.now();
  const document = readFields(swaggerToProtobuf(json));
  const elapsed = Date.now() - started;

  it('is made in reasonable time', () => {
    assert.ok(elapsed < 5000, `${elapsed} ms`);
    assert.equal(text(one(document, 1)), '2.0');
  });

  it('holds every definition and property in order, with its vendor extensions', () => {
    const definitions = named(msg(one(document, 9) as Uint8Array), 1);
    assert.deepEqual(definitions.map(([name]) => name), Object.keys(spec.definitions));
    for (const [name, bytes] of definitions) {
      const schema = msg(bytes);
      assertExtensions(name, spec.definitions[name], schema, 31);
      const props = spec.definitions[name].properties ?? {};
      const got = schema.some((f) => f.n === 25) ? named(msg(one(schema, 25) as Uint8Array), 1) : [];
      assert.deepEqual(got.map(([p]) => p), Object.keys(props), name);
      for (const [p, pb] of got) assertExtensions(`${name}.${p}`, props[p], msg(pb), 31);
    }
  });

  it('holds every path and operation, and the GroupVersionKind kubectl looks for', () => {
    const paths = named(msg(one(document, 8) as Uint8Array), 2);
    assert.deepEqual(paths.map(([p]) => p), Object.keys(spec.paths));
    const deployments = paths.find(([p]) => p === '/apis/apps/v1/namespaces/{namespace}/deployments/{name}')![1];
    const patch = msg(one(msg(deployments), 8) as Uint8Array);
    assert.equal(extensions(patch, 13)['x-kubernetes-group-version-kind'], 'group: apps\nkind: Deployment\nversion: v1\n');
    assert.ok(all(patch, 8).length > 0);
    const deployment = named(msg(one(document, 9) as Uint8Array), 1).find(([n]) => n === 'io.k8s.api.apps.v1.Deployment')![1];
    assert.equal(extensions(msg(deployment), 31)['x-kubernetes-group-version-kind'], '- group: apps\n  kind: Deployment\n  version: v1\n');
  });
});
