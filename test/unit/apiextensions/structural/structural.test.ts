import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorString } from '../../../../src/api/field-errors.js';
import type { Schema } from '../../../../src/openapi/schema-catalog.js';
import { validateStructuralSchema, type CRDSchema } from '../../../../src/apiextensions/structural/index.js';

const P = 'spec.versions[0].schema.openAPIV3Schema';

const messages = (schema: CRDSchema): string[] => validateStructuralSchema(schema as Schema, P).map(fieldErrorString);
const withSpec = (spec: CRDSchema): CRDSchema => ({ type: 'object', properties: { spec } });

test('a well-formed schema has no errors', () => {
  assert.deepEqual(
    messages({
      type: 'object',
      properties: {
        metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 10 } } },
        spec: {
          type: 'object',
          properties: {
            port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
            ports: {
              type: 'array',
              'x-kubernetes-list-type': 'map',
              'x-kubernetes-list-map-keys': ['name'],
              items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            },
            labels: { type: 'object', additionalProperties: { type: 'string' } },
            raw: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
            choice: { type: 'string', oneOf: [{ pattern: '^a' }, { pattern: '^b' }] },
          },
        },
      },
    }),
    [],
  );
});

test('types must be given and be known', () => {
  assert.deepEqual(messages(withSpec({ properties: { a: { type: 'string' } } })), [
    `${P}.properties[spec].type: Required value: must not be empty for specified object fields`,
  ]);
  assert.deepEqual(messages(withSpec({ type: 'array', items: {} })), [`${P}.properties[spec].items.type: Required value: must not be empty for specified array items`]);
  assert.deepEqual(messages(withSpec({ type: 'array' })), [`${P}.properties[spec].items: Required value: must be specified`]);
  assert.deepEqual(messages({ type: 'string' }), [`${P}.type: Invalid value: "string": must be object at the root`]);
  assert.deepEqual(messages(withSpec({ type: 'null' })), [
    `${P}.properties[spec].type: Unsupported value: "null": supported values: "array", "boolean", "integer", "number", "object", "string"`,
    `${P}.properties[spec].type: Forbidden: type cannot be set to null, use nullable as an alternative`,
  ]);
});

test('unsupported keywords and shapes', () => {
  assert.deepEqual(messages(withSpec({ type: 'object', $ref: '#/definitions/x' })), [`${P}.properties[spec].$ref: Forbidden: $ref is not supported`]);
  assert.deepEqual(messages(withSpec({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'string' } })), [
    `${P}.properties[spec].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`,
  ]);
  assert.deepEqual(messages(withSpec({ type: 'array', uniqueItems: true, items: { type: 'string' } })), [
    `${P}.properties[spec].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic`,
  ]);
  assert.deepEqual(messages(withSpec({ type: 'object', 'x-kubernetes-preserve-unknown-fields': false })), [
    `${P}.properties[spec].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined`,
  ]);
  assert.deepEqual(messages({ type: 'object', additionalProperties: { type: 'string' } }), [`${P}.additionalProperties: Forbidden: must not be used at the root`]);
});

test('metadata at the root may only restrict name and generateName; defaults are forbidden there', () => {
  assert.deepEqual(messages({ type: 'object', properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } } } }), [
    `${P}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`,
  ]);
  assert.deepEqual(messages({ type: 'object', properties: { kind: { type: 'string', default: 'X' } } }), [
    `${P}.properties[kind].default: Forbidden: must not be set in top-level kind`,
  ]);
  assert.deepEqual(messages({ type: 'object', properties: { apiVersion: { type: 'integer' } } }), [
    `${P}.properties[apiVersion].type: Invalid value: "integer": must be string`,
  ]);
});

test('junctors may only restrict values, of fields the structure declares', () => {
  assert.deepEqual(
    messages(withSpec({ type: 'object', properties: { a: { type: 'string' } }, anyOf: [{ type: 'object', properties: { b: { description: 'x' } } }] })),
    [
      `${P}.properties[spec].anyOf[0].properties[b].description: Forbidden: must be empty to be structural`,
      `${P}.properties[spec].anyOf[0].type: Forbidden: must be empty to be structural`,
    ],
  );
  assert.deepEqual(messages({ type: 'object', properties: { spec: { type: 'object' } }, anyOf: [{ properties: { spec: { properties: { x: {} } } } }] }), [
    `${P}.properties[spec].properties[x]: Required value: because it is defined in ${P}.anyOf[0].properties[spec].properties[x]`,
  ]);
});

test('int-or-string and embedded resources', () => {
  assert.deepEqual(messages(withSpec({ 'x-kubernetes-int-or-string': true, 'x-kubernetes-preserve-unknown-fields': true })), [
    `${P}.properties[spec].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true`,
  ]);
  assert.deepEqual(messages(withSpec({ type: 'string', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true })), [
    `${P}.properties[spec].type: Invalid value: "string": must be object if x-kubernetes-embedded-resource is true`,
  ]);
  assert.deepEqual(messages(withSpec({ type: 'object', 'x-kubernetes-embedded-resource': true })), [
    `${P}.properties[spec].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields`,
  ]);
});

test('list types, list-map keys and map types', () => {
  const items = { type: 'object', properties: { name: { type: 'string' }, sub: { type: 'object' } } } as CRDSchema;
  assert.deepEqual(messages(withSpec({ type: 'object', 'x-kubernetes-list-type': 'set' })), [
    `${P}.properties[spec].type: Invalid value: "object": must be array if x-kubernetes-list-type is specified`,
  ]);
  assert.deepEqual(messages(withSpec({ type: 'array', items: { type: 'string' }, 'x-kubernetes-list-map-keys': ['name'] })), [
    `${P}.properties[spec].x-kubernetes-list-type: Required value: must be map if x-kubernetes-list-map-keys is non-empty`,
  ]);
  assert.deepEqual(messages(withSpec({ type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name', 'sub', 'gone'], items })), [
    `${P}.properties[spec].items.properties[sub].type: Invalid value: "object": must be a scalar type if parent array's x-kubernetes-list-type is map`,
    `${P}.properties[spec].x-kubernetes-list-map-keys: Invalid value: []string{"name", "sub", "gone"}: entries must all be names of item properties`,
    `${P}.properties[spec].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property`,
    `${P}.properties[spec].items.properties[sub].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property`,
  ]);
  assert.deepEqual(messages(withSpec({ type: 'object', 'x-kubernetes-map-type': 'weird' })), [
    `${P}.properties[spec].x-kubernetes-map-type: Unsupported value: "weird": supported values: "atomic", "granular"`,
  ]);
});

test('x-kubernetes-validations entries need a rule and a one-line message', () => {
  assert.deepEqual(messages(withSpec({ type: 'object', 'x-kubernetes-validations': [{ rule: ' ' }, { rule: 'true', message: 'a\nb' }, { rule: 'a ||\nb' }] })), [
    `${P}.properties[spec].x-kubernetes-validations[0].rule: Required value: rule is not specified`,
    `${P}.properties[spec].x-kubernetes-validations[1].message: Invalid value: "a\\nb": message must not contain line breaks`,
    `${P}.properties[spec].x-kubernetes-validations[2].message: Required value: message must be specified if rule contains line breaks`,
  ]);
});
