// Go's decoding of the schema types with their own UnmarshalJSON (items, additionalProperties,
// additionalItems, dependencies): found by fuzzing, such schemas were stored and crashed later
// custom resource writes (`enum.some is not a function`, a WeakMap keyed by `items: 0`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeSchemaProps } from '../../../../src/registry/apiextensions/schema-decode.js';
import { customResourceDefinitions } from '../../../../src/registry/apiextensions/customresourcedefinitions.js';
import { StatusError } from '../../../../src/api/errors.js';
import { crd } from './fixtures.js';

const AT = ['spec', 'versions', 'schema', 'openAPIV3Schema'];
const decode = (a: unknown): string | undefined => decodeSchemaProps({ type: 'object', properties: { a } }, AT);

test('a wrongly typed keyword below items is named from the inner schema, as encoding/json does', () => {
  assert.equal(decode({ type: 'array', items: { type: 'string', enum: 'x' } }), 'json: cannot unmarshal string into Go struct field JSONSchemaProps.enum of type []v1.JSON');
  assert.equal(decode({ type: 'array', items: { anyOf: {} } }), 'json: cannot unmarshal object into Go struct field JSONSchemaProps.anyOf of type []v1.JSONSchemaProps');
  assert.equal(decode({ type: 'array', items: { type: 'object', properties: { b: { minimum: 'x' } } } }), 'json: cannot unmarshal string into Go struct field JSONSchemaProps.properties.minimum of type float64');
  assert.equal(decode({ type: 'object', additionalProperties: { maxLength: 1.5 } }), 'json: cannot unmarshal number 1.5 into Go struct field JSONSchemaProps.maxLength of type int64');
  assert.equal(decode({ type: 'object', additionalProperties: { 'x-kubernetes-validations': [{ rule: 5 }] } }), 'json: cannot unmarshal number into Go struct field ValidationRule.x-kubernetes-validations.rule of type string');
  assert.equal(decode({ type: 'array', items: [5] }), 'json: cannot unmarshal number into Go value of type v1.JSONSchemaProps');
});

test('below a second such type, the error is named by the field holding it', () => {
  assert.equal(decode({ type: 'array', items: { type: 'array', items: { type: 5 } } }), 'json: cannot unmarshal number into Go struct field JSONSchemaProps.items of type string');
});

test('additionalProperties and additionalItems take a schema or a boolean', () => {
  assert.equal(decode({ type: 'object', additionalProperties: 5 }), 'boolean or JSON schema expected');
  assert.equal(decode({ type: 'array', additionalItems: 'x' }), 'boolean or JSON schema expected');
  assert.equal(decode({ type: 'object', additionalProperties: { type: 'object', additionalProperties: [] } }), 'boolean or JSON schema expected');
  assert.equal(decode({ type: 'object', additionalProperties: false }), undefined);
});

test('an items that is neither a schema nor a non-empty list decodes to nothing and is dropped', () => {
  for (const items of [0, 'x', true, []]) {
    const schema = { type: 'object', properties: { a: { type: 'string', items } } };
    assert.equal(decodeSchemaProps(schema, AT), undefined);
    assert.deepEqual(schema.properties.a, { type: 'string' });
  }
});

test('well-typed schemas decode unchanged', () => {
  const a = { type: 'array', items: { type: 'object', properties: { x: { type: 'integer', default: 'anything', enum: [1, 'a'] } }, additionalProperties: true }, 'x-kubernetes-list-type': 'atomic' };
  const before = structuredClone(a);
  assert.equal(decode(a), undefined);
  assert.deepEqual(a, before);
});

test('the CRD strategy refuses such a schema with the decoder\'s 400 on create and update', () => {
  const { strategy } = customResourceDefinitions(() => []);
  const bad = crd((c) => {
    c.spec!.versions![0].schema!.openAPIV3Schema = { type: 'object', properties: { a: { type: 'array', items: { type: 'string', enum: 'x' } } } };
  });
  for (const run of [() => strategy.prepareForCreate?.(bad), () => strategy.prepareForUpdate?.(bad, crd())]) {
    assert.throws(run, (err: unknown) => {
      assert.ok(err instanceof StatusError);
      assert.equal(err.status.code, 400);
      assert.equal(err.status.reason, 'BadRequest');
      assert.equal(err.status.message, 'CustomResourceDefinition in version "v1" cannot be handled as a CustomResourceDefinition: json: cannot unmarshal string into Go struct field JSONSchemaProps.enum of type []v1.JSON');
      return true;
    });
  }
});
