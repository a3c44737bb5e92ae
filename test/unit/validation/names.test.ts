import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPathSegmentName,
  regexError,
} from '../../../src/validation/names.js';
import { nameValidator } from '../../../src/validation/name-validators.js';

// The texts of K8S_REFERENCE.md §3.4, verbatim (note the two spaces before "or").
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('regexError', () => {
  it('builds the example list the way Go does', () => {
    assert.equal(regexError('msg', 'x+'), "msg (regex used for validation is 'x+')");
    assert.equal(regexError('msg', 'x+', 'a'), "msg (e.g. 'a', regex used for validation is 'x+')");
    assert.equal(regexError('msg', 'x+', 'a', 'b'), "msg (e.g. 'a',  or 'b', regex used for validation is 'x+')");
  });
});

describe('isDNS1123Subdomain', () => {
  for (const ok of ['a', 'abc', 'a-b', 'a.b', '0', 'example.com', 'a'.repeat(253), '1.2.3']) {
    it(`accepts ${ok.length > 20 ? `${ok.length} chars` : JSON.stringify(ok)}`, () => assert.deepEqual(isDNS1123Subdomain(ok), []));
  }
  for (const bad of ['', 'A', 'a_b', '-a', 'a-', 'a..b', '.a', 'a.', 'a b', 'é']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.deepEqual(isDNS1123Subdomain(bad), [SUBDOMAIN_MSG]));
  }
  it('reports length before format', () => {
    assert.deepEqual(isDNS1123Subdomain('a'.repeat(254)), ['must be no more than 253 characters']);
    assert.deepEqual(isDNS1123Subdomain(`${'a'.repeat(253)}-`), ['must be no more than 253 characters', SUBDOMAIN_MSG]);
  });
});

describe('isDNS1123Label', () => {
  for (const ok of ['a', 'my-name', '123-abc', 'a'.repeat(63)]) {
    it(`accepts ${JSON.stringify(ok)}`, () => assert.deepEqual(isDNS1123Label(ok), []));
  }
  for (const bad of ['', 'A', '-a', 'a-', 'a_b', 'a..b']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.deepEqual(isDNS1123Label(bad), [LABEL_MSG]));
  }
  it('a valid subdomain is told not to contain dots', () => {
    assert.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
  });
  it('too long', () => {
    assert.deepEqual(isDNS1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
  });
});

describe('isDNS1035Label', () => {
  it('must start with a letter', () => {
    assert.deepEqual(isDNS1035Label('web-1'), []);
    assert.deepEqual(isDNS1035Label('1web'), [DNS1035_MSG]);
    assert.deepEqual(isDNS1035Label('no-domain.com'), [DNS1035_MSG]);
    assert.deepEqual(isDNS1035Label(`a${'b'.repeat(63)}`), ['must be no more than 63 characters']);
  });
});

describe('isValidPathSegmentName', () => {
  it('accepts anything but . .. / and %', () => {
    assert.deepEqual(isValidPathSegmentName('system:controller:foo'), []);
    assert.deepEqual(isValidPathSegmentName('Upper_Case'), []);
    assert.deepEqual(isValidPathSegmentName('.'), ["may not be '.'"]);
    assert.deepEqual(isValidPathSegmentName('..'), ["may not be '..'"]);
    assert.deepEqual(isValidPathSegmentName('a/b%c'), ["may not contain '/'", "may not contain '%'"]);
  });
});

describe('isQualifiedName', () => {
  for (const ok of ['a', 'A', 'a_b', 'a.b', 'MyName', 'example.com/MyName', 'k8s.io/a-b_c.d', 'a'.repeat(63)]) {
    it(`accepts ${JSON.stringify(ok)}`, () => assert.deepEqual(isQualifiedName(ok), []));
  }
  it('empty name part gets both messages', () => {
    assert.deepEqual(isQualifiedName(''), ['name part must be non-empty', NAME_PART_MSG]);
    assert.deepEqual(isQualifiedName('example.com/'), ['name part must be non-empty', NAME_PART_MSG]);
  });
  it('bad name part', () => {
    assert.deepEqual(isQualifiedName('-a'), [NAME_PART_MSG]);
    assert.deepEqual(isQualifiedName('a b'), [NAME_PART_MSG]);
  });
  it('long name part', () => {
    assert.deepEqual(isQualifiedName('a'.repeat(64)), ['name part must be no more than 63 characters']);
  });
  it('prefix problems', () => {
    assert.deepEqual(isQualifiedName('/a'), ['prefix part must be non-empty']);
    assert.deepEqual(isQualifiedName('Example.com/a'), [`prefix part ${SUBDOMAIN_MSG}`]);
  });
  it('more than one slash', () => {
    assert.deepEqual(isQualifiedName('a/b/c'), [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});

describe('isValidLabelValue', () => {
  for (const ok of ['', 'a', 'MyValue', 'my_value', '12345', 'a.b-c', 'x'.repeat(63)]) {
    it(`accepts ${JSON.stringify(ok)}`, () => assert.deepEqual(isValidLabelValue(ok), []));
  }
  for (const bad of ['-a', 'a-', 'a b', 'a/b', '_']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.deepEqual(isValidLabelValue(bad), [LABEL_VALUE_MSG]));
  }
  it('too long', () => assert.deepEqual(isValidLabelValue('x'.repeat(64)), ['must be no more than 63 characters']));
});

describe('name validators (ValidateNameFunc)', () => {
  it('prefixes may end in a dash; the mask also drops the character before it', () => {
    const subdomain = nameValidator('subdomain');
    assert.deepEqual(subdomain('web-', true), []);
    assert.deepEqual(subdomain('web-', false), [SUBDOMAIN_MSG]);
    assert.deepEqual(subdomain('a.-', true), [], 'checked as "aa"');
    assert.deepEqual(subdomain('-', true), [], 'checked as "a"');
    assert.deepEqual(subdomain('Web-', true), [SUBDOMAIN_MSG]);
    assert.deepEqual(nameValidator('label')('my.ns-', true), ['must not contain dots']);
    assert.deepEqual(nameValidator('dns1035-label')('1svc-', true), [DNS1035_MSG]);
  });

  it('path segments are checked alike for names and prefixes', () => {
    const rbac = nameValidator('path-segment');
    assert.deepEqual(rbac('system:admin', false), []);
    assert.deepEqual(rbac('a/', true), ["may not contain '/'"]);
    assert.deepEqual(rbac('..', true), ["may not be '..'"]);
  });
});
