// How Go prints decoded JSON values: %T, %#v, and the %#v of byte and string slices and pointers.
// (%v and json.Marshal are covered through test/unit/registry/custom/go-values.test.ts.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { goBytes, goPointers, goStrings, goSyntax, goTypeName } from '../../../src/api/go-format.js';

describe('goTypeName (%T)', () => {
  it('names the unstructured types', () => {
    assert.deepEqual([null, [], {}, 'a', true, 3, 1.5, 2 ** 63].map(goTypeName), [
      '<nil>', '[]interface {}', 'map[string]interface {}', 'string', 'bool', 'int64', 'float64', 'float64',
    ]);
  });
});

describe('goSyntax (%#v)', () => {
  it('prints maps and slices as interface{} composites, keys sorted', () => {
    assert.equal(goSyntax({ b: [1, 'x'], a: null }), 'map[string]interface {}{"a":interface {}(nil), "b":[]interface {}{1, "x"}}');
    assert.equal(goSyntax(1e21), '1e+21');
  });
});

describe('slices and pointers', () => {
  it('tells nil slices from empty ones', () => {
    assert.equal(goStrings(undefined), '[]string(nil)');
    assert.equal(goStrings(['a']), '[]string{"a"}');
    assert.equal(goBytes(new Uint8Array([0x2d, 0x0a])), '[]byte{0x2d, 0xa}');
  });

  it('makes up increasing addresses', () => {
    const pointer = goPointers(0x100, 0x10);
    assert.deepEqual([pointer('bool', true), pointer('string', false), pointer('bool', true)], ['(*bool)(0x110)', '(*string)(nil)', '(*bool)(0x120)']);
  });
});
