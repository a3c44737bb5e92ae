// JSONPath as kube-apiserver runs a CRD's printer columns and selectable fields, against
// k8s.io/client-go/util/jsonpath (parser.go, jsonpath.go) with missing keys allowed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JSONPathEvalError, JSONPathParseError, parseJSONPath } from '../../../../src/registry/custom/jsonpath.js';

const cronTab = {
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: { name: 'my-cron', namespace: 'default', labels: { 'app.kubernetes.io/name': 'cron', tier: 'batch' } },
  spec: { cronSpec: '* * * * */5', image: 'my-awesome-cron-image', replicas: 3, ratio: 0.5, paused: false, steps: [10, 20, 30, 40] },
  status: {
    conditions: [
      { type: 'Ready', status: 'True', observedGeneration: 2 },
      { type: 'Synced', status: 'False', observedGeneration: 1 },
    ],
    note: null,
  },
};

const find = (path: string, data: unknown = cronTab): unknown[][] => parseJSONPath(path).findResults(data);

function parseError(path: string): string {
  try {
    parseJSONPath(path);
  } catch (err) {
    assert.ok(err instanceof JSONPathParseError, `expected a JSONPathParseError, got ${String(err)}`);
    return err.message;
  }
  assert.fail(`${path} parsed`);
}

function evalError(path: string, data: unknown = cronTab): string {
  const parsed = parseJSONPath(path);
  try {
    parsed.findResults(data);
  } catch (err) {
    assert.ok(err instanceof JSONPathEvalError, `expected a JSONPathEvalError, got ${String(err)}`);
    return err.message;
  }
  assert.fail(`${path} evaluated`);
}

describe('parseJSONPath: what printer columns use', () => {
  it('reads plain field paths', () => {
    assert.deepEqual(find('.spec.replicas'), [[3]]);
    assert.deepEqual(find('.spec.cronSpec'), [['* * * * */5']]);
    assert.deepEqual(find('.metadata.labels.tier'), [['batch']]);
    assert.deepEqual(find('.spec.paused'), [[false]]);
  });

  it('gives no value, not an error, for a missing key', () => {
    assert.deepEqual(find('.spec.missing'), [[]]);
    assert.deepEqual(find('.nothing.at.all'), [[]]);
    assert.deepEqual(find('.spec.replicas.deeper'), [[]]);
  });

  it('keeps a null it finds, and finds nothing below it', () => {
    assert.deepEqual(find('.status.note'), [[null]]);
    assert.deepEqual(find('.status.note.x'), [[]]);
  });

  it('indexes lists, from the end too, and slices them', () => {
    assert.deepEqual(find('.status.conditions[0].type'), [['Ready']]);
    assert.deepEqual(find('.spec.steps[-1]'), [[40]]);
    assert.deepEqual(find('.spec.steps[1:3]'), [[20, 30]]);
    assert.deepEqual(find('.spec.steps[::2]'), [[10, 30]]);
    assert.deepEqual(find('.spec.steps[2:]'), [[30, 40]]);
    assert.deepEqual(find('.spec.steps[1:1]'), [[]]);
  });

  it('takes every item with [*] and every member with .*', () => {
    assert.deepEqual(find('.status.conditions[*].type'), [['Ready', 'Synced']]);
    assert.deepEqual(find('.metadata.labels.*'), [['cron', 'batch']]);
  });

  it('filters list items by a member', () => {
    assert.deepEqual(find('.status.conditions[?(@.type=="Ready")].status'), [['True']]);
    assert.deepEqual(find(".status.conditions[?(@.type=='Synced')].status"), [['False']]);
    assert.deepEqual(find('.status.conditions[?(@.type!="Ready")].type'), [['Synced']]);
    assert.deepEqual(find('.status.conditions[?(@.observedGeneration>1)].type'), [['Ready']]);
    assert.deepEqual(find('.status.conditions[?(@.type=="Gone")].status'), [[]]);
    assert.deepEqual(find('.spec.steps[?(@>=30)]'), [[30, 40]]);
  });

  it('keeps items where an exists filter finds something', () => {
    const data = { items: [{ a: 1 }, { b: 2 }, { a: null }] };
    assert.deepEqual(find('.items[?(@.a)]', data), [[{ a: 1 }, { a: null }]]);
  });

  it('keeps an item when its exists filter fails partway, as Go reads the partial result', () => {
    const data = { items: [{ list: [1] }, { other: 1 }] };
    assert.deepEqual(find('.items[?(@.list[5])].list', data), [[[1]]]);
  });

  it('selects unions of indexes and of keys', () => {
    assert.deepEqual(find('.spec.steps[0,2]'), [[10, 30]]);
    assert.deepEqual(find(".spec['image','replicas']"), [['my-awesome-cron-image', 3]]);
  });

  it('descends recursively with ..', () => {
    assert.deepEqual(find('..type'), [['Ready', 'Synced']]);
  });

  it('reads keys with dots only when the dots are escaped, in brackets too', () => {
    assert.deepEqual(find('.metadata.labels.app\\.kubernetes\\.io/name'), [['cron']]);
    assert.deepEqual(find(".metadata.labels['app\\.kubernetes\\.io/name']"), [['cron']]);
    // A bracketed key is read as `.<key>`, so its dots still split it.
    assert.deepEqual(find(".metadata.labels['app.kubernetes.io/name']"), [[]]);
    assert.deepEqual(find(".metadata['labels']"), [[cronTab.metadata.labels]]);
  });

  it('gives one result list per template action: `}{` starts another, text counts as one', () => {
    assert.deepEqual(find('.metadata.name}{.spec.replicas'), [['my-cron'], [3]]);
    assert.deepEqual(find('.metadata.name} / {.spec.replicas'), [['my-cron'], [' / '], [3]]);
  });

  it('evaluates literals and range … end as the template language does', () => {
    assert.deepEqual(find('.spec.replicas}{"x"'), [[3], ['x']]);
    assert.deepEqual(find('.metadata.name}{range .status.conditions[*]}{.type}{end'), [['my-cron'], ['Ready'], ['Synced']]);
    assert.deepEqual(find('range .status.conditions[*]}{.type}{"/"}{.status}{end}{.spec.replicas'), [['Ready'], ['/'], ['True'], ['Synced'], ['/'], ['False'], [3]]);
    assert.deepEqual(find('range .spec.none[*]}{.x}{end}{.spec.replicas'), [[3]]);
  });
});

describe('parseJSONPath: evaluation errors (a null cell, a failed field set)', () => {
  it('indexes outside a list', () => {
    assert.equal(evalError('.spec.steps[4]'), 'array index out of bounds: index 4, length 4');
    assert.equal(evalError('.spec.steps[-5]'), 'array index out of bounds: index -1, length 4');
    assert.equal(evalError('.spec.steps[1:9]'), 'array index out of bounds: index 8, length 4');
    assert.equal(evalError('.spec.steps[3:1]'), 'starting index 3 is greater than ending index 1');
    assert.equal(evalError('.status.conditions[0].x[0]', { status: { conditions: [] } }), 'array index out of bounds: index 0, length 0');
  });

  it('indexes or filters what is not a list', () => {
    assert.equal(evalError('.spec[0]'), 'map[string]interface {} is not array or slice');
    assert.equal(evalError('.spec.replicas[*]'), 'int64 is not array or slice');
    assert.equal(evalError('.spec.image[?(@.a=="b")]'), 'my-awesome-cron-image is not array or slice and cannot be filtered');
    assert.equal(evalError('.status.note[?(@.a=="b")]'), '<nil> is not array or slice and cannot be filtered');
  });

  it('compares only values of one kind: an int64 is not a float64, a string not a number', () => {
    assert.equal(evalError('.spec.steps[?(@>1.5)]'), 'incompatible types for comparison');
    assert.equal(evalError('.spec.steps[?(@=="10")]'), 'incompatible types for comparison');
    assert.equal(evalError('.status.conditions[?(@<1)]'), 'invalid type for comparison');
    assert.equal(evalError('.status.conditions[?(@.type<true)]'), 'incompatible types for comparison');
  });

  it('takes an unquoted word for an identifier it does not know', () => {
    assert.equal(evalError('.status.conditions[?(@.type==Ready)].status'), 'unrecognized identifier Ready');
    assert.equal(evalError('.spec end'), 'not in range, nothing to end');
  });

  it('rejects an operator the filter does not have', () => {
    assert.equal(evalError('.status.conditions[?(@.type="Ready")]'), 'unrecognized filter operator =');
  });

  it('compares what a path on the right finds', () => {
    const data = { items: [{ a: 1, b: 1 }, { a: 1, b: 2 }] };
    assert.deepEqual(find('.items[?(@.a==@.b)].b', data), [[1]]);
  });
});

describe('parseJSONPath: parse errors with the parser text', () => {
  it('reports unclosed and unterminated constructs', () => {
    assert.equal(parseError('.spec.steps[0'), 'unterminated array');
    assert.equal(parseError('.status.conditions[?(@.type=="Ready"'), 'unterminated filter');
    assert.equal(parseError('.status.conditions[?(@.type=="Ready")'), 'unclosed array expect ]');
    assert.equal(parseError('.spec "abc'), 'unterminated quoted string');
    assert.equal(parseError('.spec\n'), 'unclosed action');
  });

  it('reports characters an action cannot hold', () => {
    assert.equal(parseError('.spec{'), "unrecognized character in action: U+007B '{'");
    assert.equal(parseError('.spec ~x'), "unrecognized character in action: U+007E '~'");
    assert.equal(parseError('.spec\t'), 'unrecognized character in action: U+0009');
  });

  it('reports bad indexes, numbers and strings', () => {
    assert.equal(parseError('.spec[abc]'), 'invalid array index abc');
    assert.equal(parseError('.spec[-]'), 'array index - is not a number');
    assert.equal(parseError('.spec[1:2:3:4]'), 'invalid array index 1:2:3:4');
    assert.equal(parseError('.spec 1.2.3'), 'cannot parse number 1.2.3');
    assert.equal(parseError('.spec "a\\q"'), 'unquote string "a\\q" error invalid syntax');
    assert.equal(parseError('.a[?(@.b=~"x")]'), "unrecognized character in action: U+007E '~'");
  });

  it('rejects two recursive descents in a row', () => {
    assert.equal(parseError('.a....b'), 'invalid multiple recursive descent');
  });

  it('accepts what only looks odd: a field name runs to the next terminator', () => {
    assert.deepEqual(find('.spec.cron~Spec'), [[]]);
    assert.deepEqual(find('.a\\b', { ab: 1 }), [[1]]);
    assert.deepEqual(find('.spec.image "x\\u0041\\n"'), [['x\u0041\n']]);
  });
});
