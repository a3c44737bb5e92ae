import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../src/api/errors.js';
import {
  LabelSelector,
  LabelSelectorError,
  labelSelectorFromObject,
  labelSelectorFromSet,
  parseLabelSelector,
} from '../../../src/selectors/label-selector.js';

const KEY_REGEX_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_REGEX_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function parseError(selector: string): StatusError {
  try {
    parseLabelSelector(selector);
  } catch (err) {
    assert.ok(err instanceof StatusError, `expected a StatusError for ${JSON.stringify(selector)}`);
    return err;
  }
  assert.fail(`expected ${JSON.stringify(selector)} not to parse`);
}

describe('parseLabelSelector: accepted syntax', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['a=b', 'a=b'],
    ['a==b', 'a==b'],
    ['a!=b', 'a!=b'],
    ['a=', 'a='],
    ['a=,b', 'a=,b'],
    ['a', 'a'],
    ['!a', '!a'],
    ['  a  =  b  ', 'a=b'],
    ['\ta\n=\rb', 'a=b'],
    ['x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
    ['x in (b,a,b)', 'x in (a,b)'],
    ['x in (,)', 'x in ()'],
    ['x in (a,)', 'x in (,a)'],
    ['x notin (a)', 'x notin (a)'],
    ['x in (in)', 'x in (in)'],
    ['in=notin', 'in=notin'],
    ['x>5', 'x>5'],
    ['x<5', 'x<5'],
    ['example.com/key=v', 'example.com/key=v'],
    ['b=1,a=2,c', 'a=2,b=1,c'],
    ['a=b,a!=c', 'a=b,a!=c'],
  ];
  for (const [input, printed] of cases) {
    it(`parses ${JSON.stringify(input)}`, () => {
      assert.equal(parseLabelSelector(input).toString(), printed);
    });
  }

  it('the empty selector is empty and matches everything', () => {
    const sel = parseLabelSelector('');
    assert.equal(sel.empty, true);
    assert.equal(sel.matches(undefined), true);
    assert.equal(sel.matches({ a: 'b' }), true);
  });

  it('whitespace around values and inside sets is dropped', () => {
    assert.equal(parseLabelSelector('x in ( a , b )').toString(), 'x in (a,b)');
  });
});

describe('parseLabelSelector: matching', () => {
  const labels = { app: 'web', tier: 'front', n: '10', empty: '' };
  const cases: [string, Record<string, string> | undefined, boolean][] = [
    ['app=web', labels, true],
    ['app==web', labels, true],
    ['app=db', labels, false],
    ['app!=db', labels, true],
    ['app!=web', labels, false],
    ['missing!=x', labels, true],
    ['missing=x', labels, false],
    ['empty=', labels, true],
    ['missing=', labels, false],
    ['app in (web,db)', labels, true],
    ['app in (db)', labels, false],
    ['missing in (x)', labels, false],
    ['app notin (db)', labels, true],
    ['app notin (web)', labels, false],
    ['missing notin (x)', labels, true],
    ['app', labels, true],
    ['missing', labels, false],
    ['!missing', labels, true],
    ['!app', labels, false],
    ['n>9', labels, true],
    ['n>10', labels, false],
    ['n<11', labels, true],
    ['n<10', labels, false],
    ['app>1', labels, false], // a non-integer label never compares
    ['missing<5', labels, false],
    ['app=web,tier=front', labels, true],
    ['app=web,tier=back', labels, false],
    ['!a', undefined, true],
    ['a', undefined, false],
    ['a!=b', undefined, true],
  ];
  for (const [selector, set, expected] of cases) {
    it(`${JSON.stringify(selector)} ${expected ? 'matches' : 'does not match'}`, () => {
      assert.equal(parseLabelSelector(selector).matches(set), expected);
    });
  }

  it('compares gt/lt as 64-bit integers', () => {
    assert.equal(parseLabelSelector('n>9007199254740992').matches({ n: '9007199254740993' }), true);
    assert.equal(parseLabelSelector('n<5').matches({ n: '99999999999999999999' }), false);
  });
});

describe('parseLabelSelector: errors are 400 BadRequest with labels.Parse text', () => {
  const cases: [string, string][] = [
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a!', "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['==a', "found '==', expected: !, identifier, or 'end of string'"],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!!a', "unable to parse requirement: found '!', expected: identifier"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in', "unable to parse requirement: found '' expected: '('"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (b,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a@b', `unable to parse requirement: <nil>: Invalid value: "a@b": ${KEY_REGEX_MSG}`],
    ['app=a@b', `unable to parse requirement: values[0][app]: Invalid value: "a@b": ${VALUE_REGEX_MSG}`],
    ['app in (ok,-x)', `unable to parse requirement: values[0][app]: Invalid value: "-x": ${VALUE_REGEX_MSG}`],
    ['x>abc', `unable to parse requirement: values[0]: Invalid value: "abc": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x>-1', `unable to parse requirement: values[0][x]: Invalid value: "-1": ${VALUE_REGEX_MSG}`],
    [
      'x>a.',
      `unable to parse requirement: [values[0]: Invalid value: "a.": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "a.": ${VALUE_REGEX_MSG}]`,
    ],
    [
      '/a',
      'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty',
    ],
  ];
  for (const [selector, message] of cases) {
    it(`rejects ${JSON.stringify(selector)}`, () => {
      const err = parseError(selector);
      assert.equal(err.code, 400);
      assert.equal(err.reason, 'BadRequest');
      assert.equal(err.status.message, message);
    });
  }

  it('reports a too-long key with both the length and the prefix problems', () => {
    const err = parseError(`Bad_/${'k'.repeat(64)}`);
    assert.equal(
      err.status.message,
      'unable to parse requirement: <nil>: Invalid value: "Bad_/' +
        'k'.repeat(64) +
        '": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\'); name part must be no more than 63 characters',
    );
  });
});

describe('labelSelectorFromObject (metav1.LabelSelectorAsSelector)', () => {
  it('null and undefined match nothing and are not empty', () => {
    for (const sel of [null, undefined]) {
      const s = labelSelectorFromObject(sel);
      assert.equal(s.matches({}), false);
      assert.equal(s.matches({ a: 'b' }), false);
      assert.equal(s.empty, false);
      assert.equal(s.toString(), '');
    }
  });

  it('an empty selector matches everything', () => {
    const s = labelSelectorFromObject({});
    assert.equal(s.empty, true);
    assert.equal(s.matches(undefined), true);
    assert.equal(labelSelectorFromObject({ matchLabels: {}, matchExpressions: [] }).matches({ x: 'y' }), true);
  });

  it('combines matchLabels and matchExpressions, sorted by key', () => {
    const s = labelSelectorFromObject({
      matchLabels: { tier: 'front', app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'canary'] },
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists' },
        { key: 'bad', operator: 'NotIn', values: ['yes'] },
      ],
    });
    assert.equal(s.toString(), 'app=web,bad notin (yes),env in (canary,prod),!legacy,tier=front,zone');
    assert.equal(s.matches({ app: 'web', tier: 'front', env: 'prod', zone: 'a' }), true);
    assert.equal(s.matches({ app: 'web', tier: 'front', env: 'prod', zone: 'a', legacy: '' }), false);
    assert.equal(s.matches({ app: 'web', tier: 'front', env: 'dev', zone: 'a' }), false);
    assert.equal(s.matches({ app: 'web', tier: 'front', env: 'prod', zone: 'a', bad: 'yes' }), false);
  });

  it('rejects unknown operators and invalid requirements with Kubernetes text', () => {
    assert.throws(
      () => labelSelectorFromObject({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }),
      (err: unknown) => err instanceof LabelSelectorError && err.message === '"Gt" is not a valid label selector operator',
    );
    assert.throws(
      () => labelSelectorFromObject({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }),
      (err: unknown) =>
        err instanceof LabelSelectorError && err.message === "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    );
    assert.throws(
      () => labelSelectorFromObject({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }),
      (err: unknown) =>
        err instanceof LabelSelectorError &&
        err.message === 'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    );
    assert.throws(
      () => labelSelectorFromObject({ matchLabels: { 'a b': 'c' } }),
      (err: unknown) => err instanceof LabelSelectorError && err.message === `key: Invalid value: "a b": ${KEY_REGEX_MSG}`,
    );
  });
});

describe('labelSelectorFromSet and the constructors', () => {
  it('a set selects objects carrying every label', () => {
    const s = labelSelectorFromSet({ b: '2', a: '1' });
    assert.equal(s.toString(), 'a=1,b=2');
    assert.equal(s.matches({ a: '1', b: '2', c: '3' }), true);
    assert.equal(s.matches({ a: '1' }), false);
  });

  it('an empty or missing set selects everything', () => {
    assert.equal(labelSelectorFromSet(undefined).empty, true);
    assert.equal(labelSelectorFromSet({}).matches({ any: 'x' }), true);
  });

  it('everything() and nothing()', () => {
    assert.equal(LabelSelector.everything().matches(undefined), true);
    assert.equal(LabelSelector.nothing().matches({}), false);
  });
});
