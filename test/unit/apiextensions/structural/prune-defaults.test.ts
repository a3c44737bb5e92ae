import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Schema } from '../../../../src/openapi/schema-catalog.js';
import { applySchemaDefaults, pruneUnknownFields } from '../../../../src/apiextensions/structural/index.js';

const schema: Schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        items: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        labels: { type: 'object', additionalProperties: { type: 'object', properties: { v: { type: 'string' } } } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { typed: { type: 'object', properties: { a: { type: 'string' } } } } },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } },
      },
    },
  },
};

test('pruning removes undeclared fields and returns their paths sorted', () => {
  const obj = {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w', anything: 1 },
    spec: {
      name: 'a',
      zeta: 1,
      items: [{ name: 'x', extra: true }, { name: 'y' }],
      labels: { k: { v: 'x', w: 'y' } },
      free: { kept: { deep: 1 }, typed: { a: 'x', b: 'pruned' } },
      template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {}, other: 1 },
    },
    status: { phase: 'x' },
  };
  assert.deepEqual(pruneUnknownFields(schema, obj), [
    'spec.free.typed.b',
    'spec.items[0].extra',
    'spec.labels.k.w',
    'spec.template.other',
    'spec.zeta',
    'status',
  ]);
  assert.deepEqual(obj, {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w', anything: 1 },
    spec: {
      name: 'a',
      items: [{ name: 'x' }, { name: 'y' }],
      labels: { k: { v: 'x' } },
      free: { kept: { deep: 1 }, typed: { a: 'x' } },
      template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} },
    },
  });
});

test('an object without a schema below it loses everything', () => {
  const obj = { spec: { name: 'a' }, extra: { a: 1 } };
  assert.deepEqual(pruneUnknownFields({ type: 'object', properties: { spec: { type: 'object', properties: { name: { type: 'string' } } } } }, obj), ['extra']);
  assert.deepEqual(obj, { spec: { name: 'a' } });
});

test('defaults fill absent fields with copies, recursing into maps and lists', () => {
  const defaults: Schema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        default: {},
        properties: {
          replicas: { type: 'integer', default: 1 },
          tags: { type: 'array', items: { type: 'string' }, default: ['a'] },
          ports: { type: 'array', items: { type: 'object', properties: { protocol: { type: 'string', default: 'TCP' } } } },
          byName: { type: 'object', additionalProperties: { type: 'object', properties: { on: { type: 'boolean', default: true } } } },
        },
      },
    },
  };
  const obj: Record<string, unknown> = { spec: { ports: [{}, { protocol: 'UDP' }], byName: { x: {} } } };
  applySchemaDefaults(defaults, obj);
  assert.deepEqual(obj, { spec: { replicas: 1, tags: ['a'], ports: [{ protocol: 'TCP' }, { protocol: 'UDP' }], byName: { x: { on: true } } } });
  const empty: Record<string, unknown> = {};
  applySchemaDefaults(defaults, empty);
  assert.deepEqual(empty, { spec: { replicas: 1, tags: ['a'] } }, 'a defaulted object is defaulted inside too');
  const other: Record<string, unknown> = {};
  applySchemaDefaults(defaults, other);
  (other.spec as { tags: string[] }).tags.push('b');
  assert.deepEqual((defaults.properties?.spec.properties?.tags as Schema).default, ['a'], 'defaults are copied');
});

test('nulls: non-nullable without default are dropped, with default replaced, nullable kept', () => {
  const s: Schema = {
    type: 'object',
    properties: {
      a: { type: 'string' },
      b: { type: 'string', default: 'x' },
      c: { type: 'string', nullable: true, default: 'y' },
      l: { type: 'array', items: { type: 'string', default: 'z' } },
    },
  };
  const obj = { a: null, b: null, c: null, l: [null, 'q'] };
  applySchemaDefaults(s, obj);
  assert.deepEqual(obj, { b: 'x', c: null, l: ['z', 'q'] });
});
