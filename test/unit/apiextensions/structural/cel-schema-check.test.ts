import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorString } from '../../../../src/api/field-errors.js';
import type { Schema } from '../../../../src/openapi/schema-catalog.js';
import { validateStructuralSchema, type CRDSchema, type ValidationRule } from '../../../../src/apiextensions/structural/index.js';

const ROOT = 'spec.validation.openAPIV3Schema';
const SPEC = `${ROOT}.properties[spec]`;

const SPEC_PROPERTIES: Record<string, CRDSchema> = {
  replicas: { type: 'integer' },
  name: { type: 'string' },
  tags: { type: 'array', items: { type: 'string' } },
  counts: { type: 'object', additionalProperties: { type: 'integer' } },
  ports: {
    type: 'array',
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': ['port'],
    items: { type: 'object', required: ['port'], properties: { port: { type: 'integer' }, name: { type: 'string' } } },
  },
  size: { 'x-kubernetes-int-or-string': true },
  timeout: { type: 'string', format: 'duration' },
  'x-y': { type: 'integer' },
};

function specSchema(rules: ValidationRule[]): Schema {
  return { type: 'object', properties: { spec: { type: 'object', properties: SPEC_PROPERTIES, 'x-kubernetes-validations': rules } } };
}

/** The errors with the %#v rule value shortened: its pointers are made-up addresses. */
function errors(schema: Schema): string[] {
  return validateStructuralSchema(schema, ROOT).map((e) => fieldErrorString(e).replace(/\(0xc[0-9a-f]+\)/g, '(0xADDR)'));
}

const rendered = (rule: string): string =>
  `apiextensions.ValidationRule{Rule:${JSON.stringify(rule)}, Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}`;

test('syntax errors, unknown fields, wrong operand types and non-bool rules are Invalid at the rule, in cel-go words', () => {
  const rules = ['self.a +', 'self.nosuch > 1', 'self.replicas == "a"', 'self.replicas'];
  assert.deepEqual(errors(specSchema(rules.map((rule) => ({ rule })))), [
    `${SPEC}.x-kubernetes-validations[0].rule: Invalid value: ${rendered('self.a +')}: compilation failed: ERROR: <input>:1:9: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | self.a +\n | ........^`,
    `${SPEC}.x-kubernetes-validations[1].rule: Invalid value: ${rendered('self.nosuch > 1')}: compilation failed: ERROR: <input>:1:5: undefined field 'nosuch'\n | self.nosuch > 1\n | ....^`,
    `${SPEC}.x-kubernetes-validations[2].rule: Invalid value: ${rendered('self.replicas == "a"')}: compilation failed: ERROR: <input>:1:15: found no matching overload for '_==_' applied to '(int, string)'\n | self.replicas == "a"\n | ..............^`,
    `${SPEC}.x-kubernetes-validations[3].rule: Invalid value: ${rendered('self.replicas')}: cel expression must evaluate to a bool`,
  ]);
});

test('more cel-go texts: undeclared references, method overloads, field selection on scalars, logical operands', () => {
  const details = errors(specSchema(['foo(1)', 'self.name.startsWith(1)', 'self.replicas.foo', 'self.replicas && true', '(self'].map((rule) => ({ rule })))).map(
    (e) => e.slice(e.indexOf('ERROR: ')),
  );
  assert.deepEqual(details, [
    "ERROR: <input>:1:4: undeclared reference to 'foo' (in container '')\n | foo(1)\n | ...^",
    "ERROR: <input>:1:21: found no matching overload for 'startsWith' applied to 'string.(int)'\n | self.name.startsWith(1)\n | ....................^",
    "ERROR: <input>:1:14: type 'int' does not support field selection\n | self.replicas.foo\n | .............^",
    "ERROR: <input>:1:15: found no matching overload for '_&&_' applied to '(int, bool)'\n | self.replicas && true\n | ..............^",
    "ERROR: <input>:1:6: Syntax error: missing ')' at '<EOF>'\n | (self\n | .....^",
  ]);
});

test('rules that type-check are accepted', () => {
  const rules = [
    'self.replicas >= 0 && self.replicas <= 10',
    'self == oldSelf',
    'self.tags.all(t, t.size() < 10)',
    'self.counts.all(k, self.counts[k] > 0)',
    'self.ports.exists(p, p.port == 80 && p.name == "http")',
    'has(self.name) && self.name.matches("^a")',
    '!has(oldSelf.name) || has(self.name)',
    "self.?replicas.orValue(0) >= 0",
    'type(self.size) == int ? self.size > 0 : self.size.endsWith("%")',
    'self.timeout > duration("1s")',
    'isQuantity(self.name) && quantity(self.name).isGreaterThan(quantity("1"))',
    'self.tags.isSorted() && size(self.tags) < 5',
    'self.x__dash__y > 0',
    'self.replicas > 1.5',
    'sets.contains(self.tags, ["a"])',
  ];
  assert.deepEqual(errors(specSchema(rules.map((rule) => ({ rule })))), []);
});

test('the root sees apiVersion, kind, metadata.name and metadata.generateName only', () => {
  const schema = (rule: string): Schema => ({ type: 'object', 'x-kubernetes-validations': [{ rule }], properties: { spec: { type: 'object' } } });
  assert.deepEqual(errors(schema('self.metadata.name.startsWith("a") && self.kind == "Widget" && self.apiVersion != ""')), []);
  assert.match(errors(schema('self.metadata.labels.size() > 0'))[0], /undefined field 'labels'/);
});

test('messageExpression must compile to a string; oldSelf and optionalOldSelf where they may be used', () => {
  const messages = errors(
    specSchema([
      { rule: 'self.replicas > 0', messageExpression: 'self.replicas' },
      { rule: 'self.replicas > 0', optionalOldSelf: true },
    ]),
  );
  assert.equal(messages.length, 2);
  assert.match(messages[0], /x-kubernetes-validations\[0\]\.messageExpression: Invalid value: apiextensions\.ValidationRule\{.*MessageExpression:"self.replicas".*\}: messageExpression must evaluate to a string$/);
  assert.equal(messages[1], `${SPEC}.x-kubernetes-validations[1].optionalOldSelf: Invalid value: true: may not be set if oldSelf is not used in rule`);

  const listItems: Schema = {
    type: 'object',
    properties: { spec: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string', 'x-kubernetes-validations': [{ rule: 'self == oldSelf' }] } } } } },
  };
  assert.deepEqual(errors(listItems), [
    `${SPEC}.properties[tags].items.x-kubernetes-validations[0].rule: Invalid value: "self == oldSelf": oldSelf cannot be used on the uncorrelatable portion of the schema within ${SPEC}.properties[tags]`,
  ]);
  const mapListItems = structuredClone(SPEC_PROPERTIES.ports);
  mapListItems.items!['x-kubernetes-validations'] = [{ rule: 'self.port == oldSelf.port' }];
  assert.deepEqual(errors({ type: 'object', properties: { spec: { type: 'object', properties: { ports: mapListItems } } } }), []);
});

test('rules are not compiled where a schema error lies at or below their node, nor in a non-structural schema', () => {
  const badBelow: Schema = {
    type: 'object',
    properties: { spec: { type: 'object', 'x-kubernetes-validations': [{ rule: 'self.nosuch' }], properties: { a: { type: 'array', items: { type: 'string' }, uniqueItems: true } } } },
  };
  assert.deepEqual(errors(badBelow), [`${SPEC}.properties[a].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic`]);
  const notStructural: Schema = { type: 'object', properties: { spec: { 'x-kubernetes-validations': [{ rule: 'self.nosuch' }] } as CRDSchema } };
  assert.ok(errors(notStructural).every((e) => !e.includes('compilation failed')));
});

test('rules calling the IP and CIDR libraries are type-checked', () => {
  const ok = ['isIP(self.name) && ip(self.name).family() == 4', 'isCIDR(self.name) && cidr(self.name).containsIP(ip("10.0.0.1"))', 'ip.isCanonical(self.name)', 'string(cidr(self.name).masked()) == self.name'];
  assert.deepEqual(errors(specSchema(ok.map((rule) => ({ rule })))), []);
  assert.deepEqual(errors(specSchema([{ rule: 'isIP(self.replicas)' }])), [
    `${SPEC}.x-kubernetes-validations[0].rule: Invalid value: ${rendered('isIP(self.replicas)')}: compilation failed: ERROR: <input>:1:5: found no matching overload for 'isIP' applied to '(int)'\n | isIP(self.replicas)\n | ....^`,
  ]);
  assert.match(errors(specSchema([{ rule: 'ip(self.name) == cidr(self.name)' }]))[0], /found no matching overload for '_==_' applied to '\(net\.IP, net\.CIDR\)'/);
});

test('rules calling the sets library are type-checked, with the qualified name in errors', () => {
  assert.deepEqual(errors(specSchema([{ rule: 'sets.equivalent(self.tags, ["a"]) || sets.intersects(self.tags, ["b"])' }])), []);
  assert.deepEqual(errors(specSchema([{ rule: 'sets.contains(self.tags, [1])' }])), [
    `${SPEC}.x-kubernetes-validations[0].rule: Invalid value: ${rendered('sets.contains(self.tags, [1])')}: compilation failed: ERROR: <input>:1:14: found no matching overload for 'sets.contains' applied to '(list(string), list(int))'\n | sets.contains(self.tags, [1])\n | .............^`,
  ]);
});
