// The YAML text of Any values: yaml.v3's Marshal of a style-cleared node, as gnostic stores it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJsonNodes } from '../../../src/discovery/openapi-v2/json-nodes.js';
import { yamlText } from '../../../src/discovery/openapi-v2/yaml-text.js';

const y = (json: string): string => yamlText(readJsonNodes(json));

describe('yamlText', () => {
  it('writes the vendor extensions Kubernetes uses as yaml.v3 does', () => {
    assert.equal(y('"merge"'), 'merge\n');
    assert.equal(y('"merge,retainKeys"'), 'merge,retainKeys\n');
    assert.equal(y('["type"]'), '- type\n');
    assert.equal(y('[{"group":"","kind":"Pod","version":"v1"}]'), '- group: ""\n  kind: Pod\n  version: v1\n');
    assert.equal(y('{"group":"apps","kind":"Deployment","version":"v1"}'), 'group: apps\nkind: Deployment\nversion: v1\n');
    assert.equal(y('true'), 'true\n');
    assert.equal(y('{}'), '{}\n');
    assert.equal(y('[]'), '[]\n');
  });

  it('indents by 4, a collection in a sequence item by the 2 of "- ", and keeps key order', () => {
    assert.equal(y('{"z":{"b":[1,true,null,{}]},"a":1.50}'), 'z:\n    b:\n        - 1\n        - true\n        - null\n        - {}\na: 1.50\n');
    assert.equal(y('[[1,2],{"a":{"b":"c"},"d":[]}]'), '- - 1\n  - 2\n- a:\n    b: c\n  d: []\n');
    assert.equal(y('{"200":"ok","default":"x"}'), '"200": ok\ndefault: x\n');
  });

  it('quotes a string only when yaml.v3 must', () => {
    const cases: [string, string][] = [
      ['', '""'], ['true', '"true"'], ['null', '"null"'], ['~', '"~"'], ['123', '"123"'], ['1.5', '"1.5"'],
      ['0x1F', '"0x1F"'], ['1_000', '"1_000"'], ['2024-01-02', '"2024-01-02"'], ['.5', '".5"'],
      ['yes', 'yes'], ['a,b', 'a,b'], ["it's", "it's"], ['x:y', 'x:y'], ['1.2.3', '1.2.3'], ['-x', '-x'],
      ['a: b', "'a: b'"], ['- x', "'- x'"], ['#x', "'#x'"], ['x #y', "'x #y'"], [' lead', "' lead'"],
      ['trail ', "'trail '"], ['*ref', "'*ref'"], ["'q'", "'''q'''"], ['---', "'---'"],
      ['tab\there', '"tab\\there"'], ['bell\u0007', '"bell\\a"'], ['😀', '"\\U0001F600"'], ['é ü', 'é ü'],
    ];
    for (const [value, expected] of cases) assert.equal(y(JSON.stringify(value)), `${expected}\n`, JSON.stringify(value));
  });

  it('writes multi-line strings as literal blocks, or double-quoted where a block cannot go', () => {
    assert.equal(y('"line1\\nline2"'), '|-\n    line1\n    line2\n');
    assert.equal(y('{"k":"a\\n\\nb\\n"}'), 'k: |\n    a\n\n    b\n');
    assert.equal(y('["a\\nb"]'), '- |-\n  a\n  b\n');
    assert.equal(y('" a\\nb"'), '|4-\n     a\n    b\n');
    assert.equal(y('"a \\nb"'), '"a \\nb"\n');
    assert.equal(y('{"a\\nb":1}'), '"a\\nb": 1\n');
  });
});
