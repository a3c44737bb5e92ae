import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newBadRequest, StatusError } from '../../../src/api/errors.js';
import { defaultFieldSelection } from '../../../src/registry/field-labels.js';
import { escapeFieldValue, parseFieldSelector } from '../../../src/selectors/field-selector.js';

function parseError(selector: string): StatusError {
  try {
    parseFieldSelector(selector);
  } catch (err) {
    assert.ok(err instanceof StatusError);
    return err;
  }
  assert.fail(`expected ${JSON.stringify(selector)} not to parse`);
}

describe('parseFieldSelector: syntax', () => {
  it('reads =, == and != terms, sorted by their text', () => {
    const sel = parseFieldSelector('status.phase!=Running,metadata.name==web,spec.nodeName=n1');
    assert.deepEqual(sel.requirements, [
      { field: 'metadata.name', operator: '=', value: 'web' },
      { field: 'spec.nodeName', operator: '=', value: 'n1' },
      { field: 'status.phase', operator: '!=', value: 'Running' },
    ]);
    assert.equal(sel.toString(), 'metadata.name=web,spec.nodeName=n1,status.phase!=Running');
  });

  it('the empty selector and empty terms select everything', () => {
    for (const s of ['', ',', ',,']) {
      const sel = parseFieldSelector(s);
      assert.equal(sel.empty, true);
      assert.equal(sel.matches({ 'metadata.name': 'x' }), true);
    }
    assert.equal(parseFieldSelector('a=b,').requirements.length, 1);
  });

  it('splits at the first operator and keeps whitespace', () => {
    assert.deepEqual(parseFieldSelector('a = b').requirements, [{ field: 'a ', operator: '=', value: ' b' }]);
    assert.deepEqual(parseFieldSelector('a!=').requirements, [{ field: 'a', operator: '!=', value: '' }]);
    assert.deepEqual(parseFieldSelector('=x').requirements, [{ field: '', operator: '=', value: 'x' }]);
  });

  it('unescapes \\\\, \\, and \\= in values and escapes them back when printed', () => {
    const sel = parseFieldSelector('a=x\\,y\\=z\\\\w');
    assert.deepEqual(sel.requirements, [{ field: 'a', operator: '=', value: 'x,y=z\\w' }]);
    assert.equal(sel.toString(), 'a=x\\,y\\=z\\\\w');
    assert.equal(escapeFieldValue('a,b=c\\'), 'a\\,b\\=c\\\\');
  });

  it('an escaped comma does not split terms', () => {
    assert.deepEqual(parseFieldSelector('b=2\\,3,a=1').requirements, [
      { field: 'a', operator: '=', value: '1' },
      { field: 'b', operator: '=', value: '2,3' },
    ]);
  });
});

describe('parseFieldSelector: errors are 400 BadRequest', () => {
  const cases: [string, string][] = [
    ['metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['z,y=1,x', "invalid selector: 'z,y=1,x'; can't understand 'x'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a!==b', 'invalid field selector: unescaped character in value: 61'],
    ['a=\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ];
  for (const [selector, message] of cases) {
    it(`rejects ${JSON.stringify(selector)}`, () => {
      const err = parseError(selector);
      assert.equal(err.code, 400);
      assert.equal(err.reason, 'BadRequest');
      assert.equal(err.status.message, message);
    });
  }
});

describe('FieldSelector matching', () => {
  const fields = { 'metadata.name': 'web', 'status.phase': 'Running', 'spec.nodeName': '' };
  const cases: [string, boolean][] = [
    ['metadata.name=web', true],
    ['metadata.name==web', true],
    ['metadata.name=db', false],
    ['metadata.name!=db', true],
    ['metadata.name!=web', false],
    ['spec.nodeName=', true],
    ['spec.nodeName!=', false],
    ['missing=', true],
    ['missing!=x', true],
    ['missing=x', false],
    ['metadata.name=web,status.phase=Running', true],
    ['metadata.name=web,status.phase!=Running', false],
  ];
  for (const [selector, expected] of cases) {
    it(`${JSON.stringify(selector)} ${expected ? 'matches' : 'does not match'}`, () => {
      assert.equal(parseFieldSelector(selector).matches(fields), expected);
    });
  }

  it('requiresExactMatch finds the value an = term demands', () => {
    const sel = parseFieldSelector('metadata.name=web,metadata.namespace!=x');
    assert.equal(sel.requiresExactMatch('metadata.name'), 'web');
    assert.equal(sel.requiresExactMatch('metadata.namespace'), undefined);
    assert.equal(parseFieldSelector('').requiresExactMatch('metadata.name'), undefined);
  });
});

describe('FieldSelector.withConvertedLabels', () => {
  it('renames labels through the conversion', () => {
    const sel = parseFieldSelector('spec.host=n1,status.phase=Running');
    const converted = sel.withConvertedLabels((label) => (label === 'spec.host' ? 'spec.nodeName' : label));
    assert.equal(converted.toString(), 'spec.nodeName=n1,status.phase=Running');
    assert.equal(converted.matches({ 'spec.nodeName': 'n1', 'status.phase': 'Running' }), true);
    assert.equal(sel.toString(), 'spec.host=n1,status.phase=Running', 'the original is unchanged');
  });

  it("propagates the conversion's BadRequest, first term in sorted order", () => {
    const selection = defaultFieldSelection(true);
    const sel = parseFieldSelector('z=1,metadata.name=a,spec.x=2');
    assert.throws(
      () => sel.withConvertedLabels((label) => selection.convertLabel(label)),
      (err: unknown) =>
        err instanceof StatusError &&
        err.code === 400 &&
        err.status.message === '"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });

  it('leaves an empty selector empty without calling the conversion', () => {
    const converted = parseFieldSelector('').withConvertedLabels(() => {
      throw newBadRequest('unexpected');
    });
    assert.equal(converted.empty, true);
  });
});
