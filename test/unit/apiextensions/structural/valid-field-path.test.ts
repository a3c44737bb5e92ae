// cel.ValidFieldPath: rule fieldPaths and selectable fields walked through a CRD schema.
import test from 'node:test';
import assert from 'node:assert/strict';
import type { Schema } from '../../../../src/openapi/schema-catalog.js';
import { validFieldPath } from '../../../../src/apiextensions/structural/index.js';

const SCHEMA: Schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        'a.b': { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        any: { type: 'object', additionalProperties: true },
      },
    },
  },
};

const walk = (path: string, brackets = true): unknown => {
  const found = validFieldPath(path, SCHEMA, brackets);
  return found instanceof Error ? found.message : { path: found.path, root: found.root, type: found.schema?.type };
};

test('properties are children, map entries keys, quoted names may hold dots', () => {
  assert.deepEqual(walk(".spec['a.b']"), { path: 'spec.a.b', root: 'spec', type: 'string' });
  assert.deepEqual(walk('.spec.labels.x'), { path: 'spec.labels[x]', root: 'spec', type: 'string' });
  assert.deepEqual(walk(".spec.labels['x.y']"), { path: 'spec.labels[x.y]', root: 'spec', type: 'string' });
  assert.deepEqual(walk('.spec.any.x'), { path: 'spec.any[x]', root: 'spec', type: undefined });
});

test("errors carry Go's text", () => {
  assert.equal(walk(".spec['a.b']", false), 'array notation is not allowed');
  assert.equal(walk('.spec.nope'), 'does not refer to a valid field');
  assert.equal(walk('.spec.any.x.y'), 'does not refer to a valid field');
  assert.equal(walk('.spec.'), 'unexpected end of JSON path');
  assert.equal(walk('.spec[a]'), 'expected single quoted string but got a');
  assert.equal(walk(".spec['a.b'"), 'unexpected end of JSON path');
  assert.equal(walk(".spec['a.b'.x"), 'expected ] but got .');
  assert.equal(walk('spec'), 'expected [ or . but got: spec');
});
