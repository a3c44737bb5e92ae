import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorString } from '../../../../src/api/field-errors.js';
import type { Schema } from '../../../../src/openapi/schema-catalog.js';
import { validateCustomResource, type CRDSchema } from '../../../../src/apiextensions/structural/index.js';

function specSchema(spec: CRDSchema): Schema {
  return { type: 'object', properties: { spec } };
}

function messages(schema: Schema, obj: unknown, old?: unknown, warnings?: string[]): string[] {
  return validateCustomResource(schema, obj, old, warnings).map(fieldErrorString);
}

const prop = (p: CRDSchema): Schema => specSchema({ type: 'object', properties: { x: p } });

test('type errors print the found type and the wanted one', () => {
  const schema = specSchema({ type: 'object', properties: { replicas: { type: 'integer' } } });
  assert.deepEqual(messages(schema, { spec: { replicas: 'three' } }), [
    'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
  ]);
  assert.deepEqual(messages(schema, { spec: { replicas: 1.5 } }), [
    'spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"',
  ]);
  assert.deepEqual(messages(schema, { spec: { replicas: 2 } }), []);
  assert.deepEqual(messages(specSchema({ type: 'object' }), { spec: [1] }), ['spec: Invalid value: "array": spec in body must be of type object: "array"']);
});

test('numbers accept integers; null is allowed only where nullable', () => {
  assert.deepEqual(messages(prop({ type: 'number' }), { spec: { x: 3 } }), []);
  assert.deepEqual(messages(specSchema({ type: 'object', properties: { l: { type: 'array', items: { type: 'string' } } } }), { spec: { l: ['a', null] } }), [
    'spec.l[1]: Invalid value: "null": spec.l[1] in body must be of type string: "null"',
  ]);
  assert.deepEqual(messages(prop({ type: 'string', nullable: true }), { spec: { x: null } }), []);
});

test('int-or-string accepts both and names both when neither', () => {
  const schema = prop({ 'x-kubernetes-int-or-string': true });
  assert.deepEqual(messages(schema, { spec: { x: 3 } }), []);
  assert.deepEqual(messages(schema, { spec: { x: '25%' } }), []);
  assert.deepEqual(messages(schema, { spec: { x: true } }), [
    'spec.x: Invalid value: "boolean": spec.x in body must be of type integer,string: "boolean"',
  ]);
});

test('required fields, at any depth', () => {
  const schema: Schema = { type: 'object', required: ['spec'], properties: { spec: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } };
  assert.deepEqual(messages(schema, {}), ['spec: Required value']);
  assert.deepEqual(messages(schema, { spec: {} }), ['spec.name: Required value']);
});

test('enum is Unsupported value with the allowed values quoted', () => {
  assert.deepEqual(messages(prop({ type: 'string', enum: ['a', 'b'] }), { spec: { x: 'c' } }), [
    'spec.x: Unsupported value: "c": supported values: "a", "b"',
  ]);
  assert.deepEqual(messages(prop({ type: 'integer', enum: [1, 2] }), { spec: { x: 3 } }), ['spec.x: Unsupported value: 3: supported values: "1", "2"']);
});

test('numeric bounds and multipleOf', () => {
  const x = (p: CRDSchema, v: number): string[] => messages(prop({ type: 'number', ...p }), { spec: { x: v } });
  assert.deepEqual(x({ minimum: 1 }, 0), ['spec.x: Invalid value: 0: spec.x in body should be greater than or equal to 1']);
  assert.deepEqual(x({ minimum: 1, exclusiveMinimum: true }, 1), ['spec.x: Invalid value: 1: spec.x in body should be greater than 1']);
  assert.deepEqual(x({ maximum: 5 }, 7), ['spec.x: Invalid value: 7: spec.x in body should be less than or equal to 5']);
  assert.deepEqual(x({ maximum: 5, exclusiveMaximum: true }, 5), ['spec.x: Invalid value: 5: spec.x in body should be less than 5']);
  assert.deepEqual(x({ maximum: 1.5 }, 2.5), ['spec.x: Invalid value: 2.5: spec.x in body should be less than or equal to 1.5']);
  assert.deepEqual(x({ multipleOf: 3 }, 7), ['spec.x: Invalid value: 7: spec.x in body should be a multiple of 3']);
  assert.deepEqual(x({ multipleOf: 0.5 }, 1.5), []);
});

test('string length and pattern', () => {
  const x = (p: CRDSchema, v: string): string[] => messages(prop({ type: 'string', ...p }), { spec: { x: v } });
  assert.deepEqual(x({ maxLength: 3 }, 'abcd'), ['spec.x: Too long: may not be more than 3 bytes']);
  assert.deepEqual(x({ minLength: 2 }, 'a'), ['spec.x: Invalid value: "a": spec.x in body should be at least 2 chars long']);
  assert.deepEqual(x({ pattern: '^[a-z]+$' }, 'A1'), [`spec.x: Invalid value: "A1": spec.x in body should match '^[a-z]+$'`]);
  assert.deepEqual(x({ maxLength: 2 }, 'éé'), [], 'lengths count characters');
});

test('formats CRDs validate, and the ones they strip', () => {
  const x = (format: string, v: string): string[] => messages(prop({ type: 'string', format }), { spec: { x: v } });
  assert.deepEqual(x('date-time', 'yesterday'), ['spec.x: Invalid value: "yesterday": spec.x in body must be of type date-time: "yesterday"']);
  assert.deepEqual(x('date-time', '2024-05-01T10:00:00Z'), []);
  assert.deepEqual(x('date', '2024-02-30'), ['spec.x: Invalid value: "2024-02-30": spec.x in body must be of type date: "2024-02-30"']);
  assert.deepEqual(x('ipv4', '10.0.0.300').length, 1);
  assert.deepEqual(x('ipv6', '::1'), []);
  assert.deepEqual(x('cidr', '10.0.0.0/8'), []);
  assert.deepEqual(x('uuid', 'nope').length, 1);
  assert.deepEqual(x('byte', 'aGVsbG8='), []);
  assert.deepEqual(x('byte', 'not base64!').length, 1);
  assert.deepEqual(x('hostname', 'example.com'), []);
  assert.deepEqual(x('mac', '00:00:5e:00:53:01'), []);
  assert.deepEqual(x('email', 'someone@example.com'), []);
  assert.deepEqual(x('duration', '1h30m'), []);
  assert.deepEqual(x('int32', 'anything'), [], 'unsupported formats are stripped');
  assert.deepEqual(messages(prop({ type: 'integer', format: 'int32' }), { spec: { x: 2 ** 40 } }), []);
});

test('arrays: item paths, minItems, maxItems', () => {
  const schema = specSchema({
    type: 'object',
    properties: { items: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'object', properties: { name: { type: 'string' } } } } },
  });
  assert.deepEqual(messages(schema, { spec: { items: [{ name: 'a' }, { name: 'b' }, { name: 3 }] } }), [
    'spec.items[2].name: Invalid value: "integer": spec.items[2].name in body must be of type string: "integer"',
    'spec.items: Too many: 3: must have at most 2 items',
  ]);
  assert.deepEqual(messages(schema, { spec: { items: [] } }), ['spec.items: Invalid value: 0: spec.items in body should have at least 1 items']);
});

test('objects: additionalProperties values, min and max properties', () => {
  const schema = specSchema({ type: 'object', properties: { labels: { type: 'object', maxProperties: 2, additionalProperties: { type: 'string' } } } });
  assert.deepEqual(messages(schema, { spec: { labels: { a: 1 } } }), [
    'spec.labels.a: Invalid value: "integer": spec.labels.a in body must be of type string: "integer"',
  ]);
  assert.deepEqual(messages(schema, { spec: { labels: { a: 'x', b: 'y', c: 'z' } } }), ['spec.labels: Too many: 3: must have at most 2 items']);
  const min = prop({ type: 'object', minProperties: 2, additionalProperties: { type: 'string' } });
  assert.deepEqual(messages(min, { spec: { x: { a: 'b' } } }), ['spec.x: Invalid value: 1: spec.x in body should have at least 2 properties']);
});

test('allOf, anyOf, oneOf and not report on the nil path', () => {
  const anyOf = prop({ type: 'string', anyOf: [{ pattern: '^a' }, { pattern: '^b' }] });
  assert.deepEqual(messages(anyOf, { spec: { x: 'c' } }), [
    '<nil>: Invalid value: "": "spec.x" must validate at least one schema (anyOf)',
    `spec.x: Invalid value: "c": spec.x in body should match '^a'`,
  ]);
  const oneOf = prop({ type: 'string', oneOf: [{ minLength: 1 }, { maxLength: 5 }] });
  assert.deepEqual(messages(oneOf, { spec: { x: 'abc' } }), ['<nil>: Invalid value: "": "spec.x" must validate one and only one schema (oneOf). Found 2 valid alternatives']);
  const not = prop({ type: 'string', not: { enum: ['x'] } });
  assert.deepEqual(messages(not, { spec: { x: 'x' } }), ['<nil>: Invalid value: "": "spec.x" must not validate the schema (not)']);
  const allOf = prop({ type: 'integer', allOf: [{ minimum: 1 }, { maximum: 3 }] });
  assert.deepEqual(messages(allOf, { spec: { x: 5 } }), [
    'spec.x: Invalid value: 5: spec.x in body should be less than or equal to 3',
    '<nil>: Invalid value: "": "spec.x" must validate all the schemas (allOf)',
  ]);
});

test('list-type set and map report duplicates at their second appearance', () => {
  const schema = specSchema({
    type: 'object',
    properties: {
      tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
      ports: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name', 'protocol'],
        items: { type: 'object', properties: { name: { type: 'string' }, protocol: { type: 'string' } } },
      },
    },
  });
  const obj = { spec: { tags: ['a', 'b', 'a', 'a'], ports: [{ name: 'p', protocol: 'TCP' }, { name: 'p', protocol: 'UDP' }, { protocol: 'TCP', name: 'p' }] } };
  assert.deepEqual(messages(schema, obj), [
    'spec.tags[2]: Duplicate value: "a"',
    'spec.ports[2]: Duplicate value: map[string]interface {}{"name":"p", "protocol":"TCP"}',
  ]);
});

test('an update keeps list-type errors the old object already had (ratcheting)', () => {
  const schema = prop({ type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } });
  const old = { spec: { x: ['a', 'a'] } };
  assert.deepEqual(messages(schema, { spec: { x: ['a', 'a', 'b'] } }, old), []);
  assert.deepEqual(messages(schema, { spec: { x: ['a', 'a'] } }), ['spec.x[1]: Duplicate value: "a"']);
});

test('an update forgives schema errors in unchanged values only', () => {
  const schema = specSchema({ type: 'object', properties: { a: { type: 'string', maxLength: 2 }, b: { type: 'string', maxLength: 2 } } });
  const old = { spec: { a: 'long', b: 'ok' } };
  assert.deepEqual(messages(schema, { spec: { a: 'long', b: 'no' } }, old), []);
  assert.deepEqual(messages(schema, { spec: { a: 'long', b: 'toolong' } }, old), ['spec.b: Too long: may not be more than 2 bytes']);
  assert.deepEqual(messages(schema, { spec: { a: 'longer', b: 'ok' } }, old), ['spec.a: Too long: may not be more than 2 bytes']);
});
