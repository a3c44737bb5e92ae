import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorString } from '../../../../src/api/field-errors.js';
import type { Schema } from '../../../../src/openapi/schema-catalog.js';
import { validateCustomResource, type CRDSchema, type ValidationRule } from '../../../../src/apiextensions/structural/index.js';

const RULES_SKIPPED =
  '<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

function messages(schema: Schema, obj: unknown, old?: unknown, warnings?: string[]): string[] {
  return validateCustomResource(schema, obj, old, warnings).map(fieldErrorString);
}

function withSpecRules(rules: ValidationRule[], spec: CRDSchema = {}): Schema {
  return {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        'x-kubernetes-validations': rules,
        properties: { replicas: { type: 'integer' }, maxReplicas: { type: 'integer' }, name: { type: 'string' } },
        ...spec,
      },
    },
  };
}

test('a failed rule reports its message, or the rule, with the schema type as the value', () => {
  const spec = { replicas: 3, maxReplicas: 2 };
  assert.deepEqual(messages(withSpecRules([{ rule: 'self.replicas <= self.maxReplicas', message: 'replicas must not exceed maxReplicas' }]), { spec }), [
    'spec: Invalid value: "object": replicas must not exceed maxReplicas',
  ]);
  assert.deepEqual(messages(withSpecRules([{ rule: 'self.replicas <= self.maxReplicas' }]), { spec }), [
    'spec: Invalid value: "object": failed rule: self.replicas <= self.maxReplicas',
  ]);
  assert.deepEqual(messages(withSpecRules([{ rule: 'self.replicas <= self.maxReplicas' }]), { spec: { replicas: 1, maxReplicas: 2 } }), []);
});

test('rules on scalars, messageExpression, reason and fieldPath', () => {
  const name: CRDSchema = {
    type: 'string',
    'x-kubernetes-validations': [{ rule: 'self == self.lowerAscii()', messageExpression: '"name must be lowercase, got " + self' }],
  };
  const schema = withSpecRules(
    [
      { rule: 'self.replicas > 0', message: 'must be positive', reason: 'FieldValueForbidden', fieldPath: '.replicas' },
      { rule: 'has(self.name)', reason: 'FieldValueRequired', fieldPath: '.name' },
    ],
    { properties: { replicas: { type: 'integer' }, name } },
  );
  assert.deepEqual(messages(schema, { spec: { replicas: 0 } }), [
    'spec.replicas: Forbidden: must be positive',
    'spec.name: Required value: failed rule: has(self.name)',
  ]);
  assert.deepEqual(messages(schema, { spec: { replicas: 1, name: 'UPPER' } }), ['spec.name: Invalid value: "string": name must be lowercase, got UPPER']);
});

test('rules at the root report on the nil path; map values on [key] paths', () => {
  const schema: Schema = {
    type: 'object',
    'x-kubernetes-validations': [{ rule: 'self.metadata.name.startsWith("a")', message: 'name must start with a' }],
    properties: {
      spec: {
        type: 'object',
        additionalProperties: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self < 10' }] },
      },
    },
  } as Schema;
  assert.deepEqual(messages(schema, { metadata: { name: 'b' }, spec: { 'a.b': 12 } }), [
    '<nil>: Invalid value: "object": name must start with a',
    'spec[a.b]: Invalid value: "integer": failed rule: self < 10',
  ]);
});

test('rules do not run when the object has errors that could trip them', () => {
  const schema = withSpecRules([{ rule: 'self.replicas <= self.maxReplicas' }]);
  assert.deepEqual(messages(schema, { spec: { replicas: 'x', maxReplicas: 1 } }), [
    'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    RULES_SKIPPED,
  ]);
});

test('evaluation errors name the rule', () => {
  const schema = withSpecRules([{ rule: 'self.missing == 1' }]);
  assert.deepEqual(messages(schema, { spec: {} }), ['spec: Invalid value: "object": no such key: missing evaluating rule: self.missing == 1']);
});

test('transition rules run only on update, with oldSelf', () => {
  const schema = withSpecRules([], {
    properties: { name: { type: 'string', 'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'name is immutable' }] } },
  });
  assert.deepEqual(messages(schema, { spec: { name: 'a' } }), []);
  assert.deepEqual(messages(schema, { spec: { name: 'b' } }, { spec: { name: 'a' } }), ['spec.name: Invalid value: "string": name is immutable']);
  assert.deepEqual(messages(schema, { spec: { name: 'b' } }, { spec: {} }), [], 'no old value, no transition rule');
});

test('a rule that only spells oldSelf in a string is no transition rule: it runs on create too', () => {
  const schema = withSpecRules([{ rule: "self.name != 'oldSelf'", message: 'name may not be oldSelf' }]);
  assert.deepEqual(messages(schema, { spec: { name: 'oldSelf' } }), ['spec: Invalid value: "object": name may not be oldSelf']);
});

test('optionalOldSelf rules also run on create, with oldSelf an optional', () => {
  const schema = withSpecRules([{ rule: '!oldSelf.hasValue()', message: 'only on create', optionalOldSelf: true }]);
  assert.deepEqual(messages(schema, { spec: {} }), []);
  assert.deepEqual(messages(schema, { spec: {} }, { spec: {} }), ['spec: Invalid value: "object": only on create']);
});

test('map-list items see their old item by key', () => {
  const schema = withSpecRules([], {
    properties: {
      ports: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: {
          type: 'object',
          required: ['name'],
          'x-kubernetes-validations': [{ rule: 'self.port >= oldSelf.port', message: 'port may only grow' }],
          properties: { name: { type: 'string' }, port: { type: 'integer' } },
        },
      },
    },
  });
  const old = { spec: { ports: [{ name: 'a', port: 5 }, { name: 'b', port: 5 }] } };
  assert.deepEqual(messages(schema, { spec: { ports: [{ name: 'b', port: 4 }, { name: 'a', port: 6 }] } }, old), [
    'spec.ports[0]: Invalid value: "object": port may only grow',
  ]);
});

test('on update, failures of unchanged values are warnings', () => {
  const schema = withSpecRules([], { properties: { name: { type: 'string', 'x-kubernetes-validations': [{ rule: 'self.size() < 3', message: 'too long' }] }, replicas: { type: 'integer' } } });
  const warnings: string[] = [];
  assert.deepEqual(messages(schema, { spec: { name: 'long', replicas: 2 } }, { spec: { name: 'long', replicas: 1 } }, warnings), []);
  assert.deepEqual(warnings, ['spec.name: Invalid value: "string": too long']);
  assert.deepEqual(messages(schema, { spec: { name: 'longer' } }, { spec: { name: 'long' } }), ['spec.name: Invalid value: "string": too long']);
});

test('a rule that does not compile is reported at its node', () => {
  const [error] = validateCustomResource(withSpecRules([{ rule: 'self.replicas >' }]), { spec: {} });
  assert.equal(error.field, 'spec');
  assert.match(fieldErrorString(error), /^spec: Invalid value: "object": rule compile error: compilation failed: /);
});
