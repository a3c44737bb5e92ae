// Kubernetes' format library: named formats, format.named, and validate's optional list of
// Kubernetes' messages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Optional } from '@marcbachmann/cel-js';
import { compileCel } from '../../../../src/admission/policy/cel/environment.js';
import { toCel } from '../../../../src/admission/policy/cel/values.js';

const run = (source: string, object: unknown = null): unknown => compileCel(source).evaluate({ object: toCel(object) });
const errors = (source: string): unknown => {
  const result = run(source);
  assert.ok(result instanceof Optional);
  return result.hasValue() ? result.value() : undefined;
};

const LABEL_REGEX = "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?'";

describe('the format library', () => {
  it('validate is none for a valid string', () => {
    assert.equal(run("format.dns1123Label().validate('my-name').hasValue()"), false);
    assert.equal(run("format.dns1123Subdomain().validate('apiextensions.k8s.io').hasValue()"), false);
    assert.equal(run("format.qualifiedName().validate('example.com/MyName').hasValue()"), false);
    assert.equal(run("format.labelValue().validate('').hasValue()"), false);
    assert.equal(run("format.uri().validate('http://example.com/a?b=c').hasValue()"), false);
    assert.equal(run("format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()"), false);
    assert.equal(run("format.byte().validate('aGVsbG8=').hasValue()"), false);
    assert.equal(run("format.date().validate('2021-01-01').hasValue()"), false);
    assert.equal(run("format.datetime().validate('2021-01-01T00:00:00Z').hasValue()"), false);
  });

  it('name formats give apimachinery messages', () => {
    assert.deepEqual(errors("format.dns1123Label().validate('a.b')"), ['must not contain dots']);
    const [message] = errors("format.dns1123Label().validate('My_Name')") as string[];
    assert.ok(message.startsWith('a lowercase RFC 1123 label must consist of') && message.endsWith(`${LABEL_REGEX})`));
    assert.deepEqual(errors(`format.dns1035Label().validate('${'a'.repeat(64)}')`), ['must be no more than 63 characters']);
    assert.equal((errors("format.labelValue().validate('-x')") as string[]).length, 1);
  });

  it('prefix formats accept a trailing dash', () => {
    assert.equal(run("format.dns1123LabelPrefix().validate('my-name-').hasValue()"), false);
    assert.equal(run("format.dns1123SubdomainPrefix().validate('mysubdomain.prefix-').hasValue()"), false);
    assert.equal(run("format.dns1035LabelPrefix().validate('1abc-').hasValue()"), true);
  });

  it('strfmt formats give their one message; uri gives Go url errors', () => {
    assert.deepEqual(errors("format.uuid().validate('x')"), ['does not match the UUID format']);
    assert.deepEqual(errors("format.byte().validate('abc')"), ['invalid base64']);
    assert.deepEqual(errors("format.date().validate('2021-02-30')"), ['invalid date']);
    assert.deepEqual(errors("format.datetime().validate('yesterday')"), ['invalid datetime']);
    assert.deepEqual(errors("format.uri().validate('example.com')"), ['parse "example.com": invalid URI for request']);
    assert.deepEqual(errors("format.uri().validate('')"), ['parse "": empty url']);
    assert.deepEqual(errors("format.uri().validate('http://h:x/')"), ['parse "http://h:x/": invalid port ":x" after host']);
    assert.deepEqual(errors("format.uri().validate('/a%zz')"), ['parse "/a%zz": invalid URL escape "%zz"']);
  });

  it('format.named finds a format by name, or is none', () => {
    assert.equal(run("format.named('dns1123Label').hasValue()"), true);
    assert.equal(run("format.named('nope').hasValue()"), false);
    assert.equal(run("format.named('toString').hasValue()"), false);
    assert.deepEqual(run("format.named(object.f).value().validate('x').value()", { f: 'uuid' }), ['does not match the UUID format']);
  });

  it('validate is typed: messages join as strings, a non-string does not compile', () => {
    assert.equal(run("format.dns1123Label().validate('a.b').value().join('\\n')"), 'must not contain dots');
    assert.throws(() => compileCel('format.dns1123Label().validate(1)'), /found no matching overload/);
    assert.throws(() => compileCel('format.nope()'), /found no matching overload|undeclared/);
  });
});
