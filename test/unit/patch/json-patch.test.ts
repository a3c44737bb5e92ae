// RFC 6902 JSON Patch (Appendix A test vectors) and RFC 6901 JSON Pointer (section 5 examples),
// plus the quirks of gopkg.in/evanphx/json-patch.v4, which kube-apiserver applies patches with.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyJSONPatch, decodeJSONPatch, MAX_JSON_PATCH_OPERATIONS, type JSONPatchOperation } from '../../../src/patch/json-patch.js';
import { atoi, elementIndex, insertIndex, parsePointer } from '../../../src/patch/json-pointer.js';

function apply(doc: unknown, ops: unknown): unknown {
  return applyJSONPatch(doc, decodeJSONPatch(ops));
}

describe('RFC 6902 Appendix A', () => {
  it('A.1 adds an object member', () => {
    assert.deepEqual(apply({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }]), { baz: 'qux', foo: 'bar' });
  });

  it('A.2 adds an array element', () => {
    assert.deepEqual(apply({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }]), { foo: ['bar', 'qux', 'baz'] });
  });

  it('A.3 removes an object member', () => {
    assert.deepEqual(apply({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }]), { foo: 'bar' });
  });

  it('A.4 removes an array element', () => {
    assert.deepEqual(apply({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }]), { foo: ['bar', 'baz'] });
  });

  it('A.5 replaces a value', () => {
    assert.deepEqual(apply({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }]), { baz: 'boo', foo: 'bar' });
  });

  it('A.6 moves a value', () => {
    const doc = { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } };
    assert.deepEqual(apply(doc, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }]), {
      foo: { bar: 'baz' },
      qux: { corge: 'grault', thud: 'fred' },
    });
  });

  it('A.7 moves an array element', () => {
    assert.deepEqual(apply({ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }]), {
      foo: ['all', 'cows', 'eat', 'grass'],
    });
  });

  it('A.8 tests a value: success', () => {
    const doc = { baz: 'qux', foo: ['a', 2, 'c'] };
    const ops = [
      { op: 'test', path: '/baz', value: 'qux' },
      { op: 'test', path: '/foo/1', value: 2 },
    ];
    assert.deepEqual(apply(doc, ops), doc);
  });

  it('A.9 tests a value: error', () => {
    assert.throws(() => apply({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }]));
  });

  it('A.10 adds a nested member object', () => {
    assert.deepEqual(apply({ foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }]), {
      foo: 'bar',
      child: { grandchild: {} },
    });
  });

  it('A.11 ignores unrecognized elements of an operation', () => {
    assert.deepEqual(apply({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }]), { foo: 'bar', baz: 'qux' });
  });

  it('A.12 fails to add to a nonexistent target', () => {
    assert.throws(() => apply({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }]));
  });

  it('A.14 unescapes ~01 as ~1, not /', () => {
    const doc = { '/': 9, '~1': 10 };
    assert.deepEqual(apply(doc, [{ op: 'test', path: '/~01', value: 10 }]), doc);
  });

  it('A.15 compares strings and numbers strictly', () => {
    assert.throws(() => apply({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }]));
  });

  it('A.16 adds an array value with "-"', () => {
    assert.deepEqual(apply({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }]), { foo: ['bar', ['abc', 'def']] });
  });
});

describe('RFC 6901 section 5: pointers into a document', () => {
  const doc = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'c%d': 2, 'e^f': 3, 'g|h': 4, 'i\\j': 5, 'k"l': 6, ' ': 7, 'm~n': 8 };
  const cases: [string, unknown][] = [
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ];
  for (const [pointer, value] of cases) {
    it(`${JSON.stringify(pointer)} holds ${JSON.stringify(value)}`, () => {
      assert.deepEqual(apply(doc, [{ op: 'test', path: pointer, value }]), doc);
    });
  }

  it('"" is the whole document', () => {
    assert.deepEqual(apply(doc, [{ op: 'test', path: '', value: doc }]), doc);
  });
});

describe('parsePointer and array indexes', () => {
  it('splits and unescapes tokens, ~1 before ~0', () => {
    assert.deepEqual(parsePointer(''), []);
    assert.deepEqual(parsePointer('/'), ['']);
    assert.deepEqual(parsePointer('/a~1b/m~0n/~01'), ['a/b', 'm~n', '~1']);
    assert.deepEqual(parsePointer('/metadata/labels/app.kubernetes.io~1name'), ['metadata', 'labels', 'app.kubernetes.io/name']);
  });

  it('rejects a pointer that does not start with /', () => {
    assert.throws(() => parsePointer('foo'));
  });

  it('reads array indexes, "-" only where inserting', () => {
    assert.equal(elementIndex('0', 2), 0);
    assert.equal(elementIndex('1', 2), 1);
    assert.equal(insertIndex('2', 2), 2);
    assert.equal(insertIndex('-', 2), 2);
    assert.throws(() => elementIndex('2', 2));
    assert.throws(() => insertIndex('3', 2));
    assert.throws(() => elementIndex('-', 2));
    assert.throws(() => elementIndex('x', 2));
  });

  it('counts negative element indexes from the end: -length..-1', () => {
    assert.equal(elementIndex('-1', 3), 2);
    assert.equal(elementIndex('-3', 3), 0);
    assert.throws(() => elementIndex('-4', 3), { message: 'Unable to access invalid index: -4: invalid index referenced' });
    assert.throws(() => elementIndex('-1', 0), { message: 'Unable to access invalid index: -1: invalid index referenced' });
  });

  it('counts negative insert indexes from the end of the grown array: -1 appends, -(length+1) prepends', () => {
    assert.equal(insertIndex('-1', 3), 3);
    assert.equal(insertIndex('-4', 3), 0);
    assert.equal(insertIndex('-1', 0), 0);
    assert.throws(() => insertIndex('-5', 3), { message: 'Unable to access invalid index: -5: invalid index referenced' });
  });

  it('reads indexes as strconv.Atoi does', () => {
    assert.equal(atoi('01'), 1n);
    assert.equal(atoi('+1'), 1n);
    assert.equal(atoi('-0'), 0n);
    assert.equal(atoi('-01'), -1n);
    assert.equal(atoi('9223372036854775807'), 2n ** 63n - 1n);
    assert.equal(atoi('-9223372036854775808'), -(2n ** 63n));
    for (const bad of ['', '+', '-', '1.0', '1e2', ' 1', '1 ', '0x1', '1_0', '١']) {
      assert.throws(() => atoi(bad), { message: `strconv.Atoi: parsing ${JSON.stringify(bad)}: invalid syntax` }, bad);
    }
    assert.throws(() => atoi('9223372036854775808'), { message: 'strconv.Atoi: parsing "9223372036854775808": value out of range' });
  });

  it('names an out-of-range index as Atoi read it', () => {
    assert.throws(() => elementIndex('007', 2), { message: 'Unable to access invalid index: 7: invalid index referenced' });
    assert.throws(() => elementIndex('9007199254740993', 2), { message: 'Unable to access invalid index: 9007199254740993: invalid index referenced' });
    assert.throws(() => insertIndex('x', 2), { message: `value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax` });
  });
});

describe('applyJSONPatch: operations', () => {
  it('replaces an existing member when adding it', () => {
    assert.deepEqual(apply({ a: 1 }, [{ op: 'add', path: '/a', value: 2 }]), { a: 2 });
  });

  it('appends with an index equal to the length', () => {
    assert.deepEqual(apply({ a: [1] }, [{ op: 'add', path: '/a/1', value: 2 }]), { a: [1, 2] });
  });

  it('replaces the whole document with path ""', () => {
    assert.deepEqual(apply({ a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }]), { b: 2 });
  });

  it('copies without sharing', () => {
    const out = apply({ foo: { bar: 1 } }, [
      { op: 'copy', from: '/foo', path: '/baz' },
      { op: 'replace', path: '/baz/bar', value: 2 },
    ]);
    assert.deepEqual(out, { foo: { bar: 1 }, baz: { bar: 2 } });
  });

  it('tests objects regardless of key order', () => {
    const doc = { m: { a: 1, b: [1, { c: true }] } };
    assert.deepEqual(apply(doc, [{ op: 'test', path: '/m', value: { b: [1, { c: true }], a: 1 } }]), doc);
  });

  it('applies operations in order on the result of the previous ones', () => {
    const out = apply({ metadata: { labels: { a: 'b' } } }, [
      { op: 'add', path: '/metadata/annotations', value: {} },
      { op: 'add', path: '/metadata/annotations/x', value: 'y' },
      { op: 'remove', path: '/metadata/labels/a' },
    ]);
    assert.deepEqual(out, { metadata: { labels: {}, annotations: { x: 'y' } } });
  });

  it('leaves the input document and the patch values untouched', () => {
    const doc = { a: { b: [1, 2] } };
    const value = { c: 1 };
    const ops: JSONPatchOperation[] = [
      { op: 'add', path: '/a/b/-', value },
      { op: 'remove', path: '/a/b/0' },
    ];
    const out = applyJSONPatch(doc, ops) as { a: { b: unknown[] } };
    assert.deepEqual(doc, { a: { b: [1, 2] } });
    (out.a.b[1] as { c: number }).c = 5;
    assert.deepEqual(value, { c: 1 });
  });
});

describe('applyJSONPatch: what gopkg.in/evanphx/json-patch.v4 does with a missing member', () => {
  // Its objects' get never fails: a missing member reads as nil.
  it('adds a missing member on replace', () => assert.deepEqual(apply({ a: 1 }, [{ op: 'replace', path: '/b', value: 2 }]), { a: 1, b: 2 }));
  it('copies a missing member as null', () => assert.deepEqual(apply({ a: 1 }, [{ op: 'copy', from: '/b', path: '/c' }]), { a: 1, c: null }));
  it('still fails to move a missing member (its remove does fail)', () => assert.throws(() => apply({ a: 1 }, [{ op: 'move', from: '/b', path: '/c' }]), /Unable to remove nonexistent key: b/));
});

describe('applyJSONPatch: errors', () => {
  const failures: [string, unknown, unknown[]][] = [
    ['remove of a missing member', { a: 1 }, [{ op: 'remove', path: '/b' }]],
    ['remove of an index past the end', { a: [1] }, [{ op: 'remove', path: '/a/1' }]],
    ['replace of an index past the end', { a: [1] }, [{ op: 'replace', path: '/a/1', value: 0 }]],
    ['add past the end', { a: [1] }, [{ op: 'add', path: '/a/2', value: 0 }]],
    ['remove with "-"', { a: [1] }, [{ op: 'remove', path: '/a/-' }]],
    ['a non-numeric index', { a: [1] }, [{ op: 'replace', path: '/a/x', value: 0 }]],
    ['move from a missing path', { a: 1 }, [{ op: 'move', from: '/b', path: '/c' }]],
    ['test of a missing path with a value', { a: 1 }, [{ op: 'test', path: '/b', value: 1 }]],
    ['add under a scalar', { a: 1 }, [{ op: 'add', path: '/a/b', value: 1 }]],
    ['remove of the whole document', { a: 1 }, [{ op: 'remove', path: '' }]],
    ['a document that stops being an object', { a: 1 }, [{ op: 'replace', path: '', value: 5 }]],
  ];
  for (const [name, doc, ops] of failures) it(`fails on ${name}`, () => assert.throws(() => apply(doc, ops)));

  it('applies nothing when a later operation fails', () => {
    const doc = { a: 1 };
    assert.throws(() => apply(doc, [{ op: 'add', path: '/b', value: 2 }, { op: 'remove', path: '/zzz' }]));
    assert.deepEqual(doc, { a: 1 });
  });
});

describe('decodeJSONPatch', () => {
  it('accepts a list of operations', () => {
    const ops = decodeJSONPatch([{ op: 'add', path: '/a', value: 1 }, { op: 'move', from: '/a', path: '/b' }]);
    assert.equal(ops.length, 2);
    assert.equal(ops[1].from, '/a');
  });

  it('accepts an add of null', () => {
    assert.deepEqual(apply({}, [{ op: 'add', path: '/a', value: null }]), { a: null });
  });

  const invalid: [string, unknown][] = [
    ['an object instead of a list', { op: 'add', path: '/a', value: 1 }],
    ['a non-object operation', ['add']],
    ['an unknown op', [{ op: 'merge', path: '/a', value: 1 }]],
    ['a missing path', [{ op: 'remove' }]],
    ['move without from', [{ op: 'move', path: '/a' }]],
    ['copy without from', [{ op: 'copy', path: '/a' }]],
    ['add without value', [{ op: 'add', path: '/a' }]],
    ['replace without value', [{ op: 'replace', path: '/a' }]],
    ['test without value', [{ op: 'test', path: '/a' }]],
  ];
  for (const [name, body] of invalid) it(`rejects ${name}`, () => assert.throws(() => decodeJSONPatch(body)));

  it('caps a patch at 10000 operations, as kube-apiserver does', () => {
    assert.equal(MAX_JSON_PATCH_OPERATIONS, 10000);
  });
});

// gopkg.in/evanphx/json-patch.v4 (vendored by kube-apiserver for application/json-patch+json)
// reads array indexes with strconv.Atoi and has SupportNegativeIndices on: -1 is the last element.
describe('json-patch.v4 index quirks kube-apiserver has', () => {
  it('counts negative indexes from the end', () => {
    assert.deepEqual(apply({ a: [1, 2, 3] }, [{ op: 'replace', path: '/a/-1', value: 9 }]), { a: [1, 2, 9] });
    assert.deepEqual(apply({ a: [1, 2, 3] }, [{ op: 'remove', path: '/a/-1' }]), { a: [1, 2] });
    assert.deepEqual(apply({ a: [1, 2, 3] }, [{ op: 'test', path: '/a/-3', value: 1 }]), { a: [1, 2, 3] });
  });

  it('reads indexes with leading zeros or a plus sign as numbers', () => {
    assert.deepEqual(apply({ a: [1, 2] }, [{ op: 'replace', path: '/a/01', value: 9 }]), { a: [1, 9] });
    assert.deepEqual(apply({ a: [1, 2] }, [{ op: 'replace', path: '/a/+1', value: 9 }]), { a: [1, 9] });
  });

  const ok: [string, unknown, unknown[], unknown][] = [
    ['add -1 appends (it counts from the end of the grown array)', { a: [1, 2] }, [{ op: 'add', path: '/a/-1', value: 9 }], { a: [1, 2, 9] }],
    ['add -2 inserts before the last element', { a: [1, 2] }, [{ op: 'add', path: '/a/-2', value: 9 }], { a: [1, 9, 2] }],
    ['add -(length+1) prepends', { a: [1, 2] }, [{ op: 'add', path: '/a/-3', value: 9 }], { a: [9, 1, 2] }],
    ['add -1 to an empty array', { a: [] }, [{ op: 'add', path: '/a/-1', value: 9 }], { a: [9] }],
    ['add 01', { a: [1, 2] }, [{ op: 'add', path: '/a/01', value: 9 }], { a: [1, 9, 2] }],
    ['add +2 (the length)', { a: [1, 2] }, [{ op: 'add', path: '/a/+2', value: 9 }], { a: [1, 2, 9] }],
    ['remove -2', { a: [1, 2, 3] }, [{ op: 'remove', path: '/a/-2' }], { a: [1, 3] }],
    ['remove -length', { a: [1, 2, 3] }, [{ op: 'remove', path: '/a/-3' }], { a: [2, 3] }],
    ['remove 00', { a: [1, 2] }, [{ op: 'remove', path: '/a/00' }], { a: [2] }],
    ['remove -0 (zero)', { a: [1, 2] }, [{ op: 'remove', path: '/a/-0' }], { a: [2] }],
    ['replace -length', { a: [1, 2] }, [{ op: 'replace', path: '/a/-2', value: 9 }], { a: [9, 2] }],
    ['test -1 and +0', { a: [1, 2] }, [{ op: 'test', path: '/a/-1', value: 2 }, { op: 'test', path: '/a/+0', value: 1 }], { a: [1, 2] }],
    ['move from -1 to 0', { a: [1, 2, 3] }, [{ op: 'move', from: '/a/-1', path: '/a/0' }], { a: [3, 1, 2] }],
    ['move from 0 to -1 (appends to what is left)', { a: [1, 2, 3] }, [{ op: 'move', from: '/a/0', path: '/a/-1' }], { a: [2, 3, 1] }],
    ['move from 01 to +2', { a: [1, 2, 3] }, [{ op: 'move', from: '/a/01', path: '/a/+2' }], { a: [1, 3, 2] }],
    ['copy from -1 to -1', { a: [1, 2] }, [{ op: 'copy', from: '/a/-1', path: '/a/-1' }], { a: [1, 2, 2] }],
    ['copy from 0001 to a member', { a: [1, 2] }, [{ op: 'copy', from: '/a/0001', path: '/b' }], { a: [1, 2], b: 2 }],
    ['a negative index on the way', { a: [{ x: 1 }, { x: 2 }] }, [{ op: 'replace', path: '/a/-1/x', value: 9 }], { a: [{ x: 1 }, { x: 9 }] }],
    ['a leading-zero index on the way', { a: [{ x: 1 }, { x: 2 }] }, [{ op: 'add', path: '/a/01/y', value: 9 }], { a: [{ x: 1 }, { x: 2, y: 9 }] }],
  ];
  for (const [name, doc, ops, want] of ok) it(name, () => assert.deepEqual(apply(doc, ops), want));

  const failures: [string, unknown, unknown[], string][] = [
    ['add below -(length+1)', { a: [1, 2] }, [{ op: 'add', path: '/a/-4', value: 9 }], "error in add for path: '/a/-4': Unable to access invalid index: -4: invalid index referenced"],
    ['add past the end', { a: [1] }, [{ op: 'add', path: '/a/02', value: 9 }], "error in add for path: '/a/02': Unable to access invalid index: 2: invalid index referenced"],
    ['add of a non-number', { a: [1] }, [{ op: 'add', path: '/a/x', value: 9 }], `error in add for path: '/a/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`],
    ['remove below -length', { a: [1, 2] }, [{ op: 'remove', path: '/a/-3' }], "error in remove for path: '/a/-3': Unable to access invalid index: -3: invalid index referenced"],
    ['remove -1 of an empty array', { a: [] }, [{ op: 'remove', path: '/a/-1' }], "error in remove for path: '/a/-1': Unable to access invalid index: -1: invalid index referenced"],
    ['remove with "-"', { a: [1] }, [{ op: 'remove', path: '/a/-' }], `error in remove for path: '/a/-': strconv.Atoi: parsing "-": invalid syntax`],
    ['replace below -length', { a: [1, 2] }, [{ op: 'replace', path: '/a/-3', value: 9 }], 'replace operation does not apply: doc is missing key: /a/-3: missing value'],
    ['replace of a non-number', { a: [1] }, [{ op: 'replace', path: '/a/x', value: 9 }], 'replace operation does not apply: doc is missing key: /a/x: missing value'],
    ['test below -length', { a: [1, 2] }, [{ op: 'test', path: '/a/-3', value: 1 }], "error in test for path: '/a/-3': Unable to access invalid index: -3: invalid index referenced"],
    ['test of a value elsewhere', { a: [1, 2] }, [{ op: 'test', path: '/a/-1', value: 1 }], 'testing value /a/-1 failed: test failed'],
    ['move from below -length', { a: [1, 2] }, [{ op: 'move', from: '/a/-3', path: '/b' }], "error in move for path: '-3': Unable to access invalid index: -3: invalid index referenced"],
    ['move to below -(length+1)', { a: [1, 2] }, [{ op: 'move', from: '/a/0', path: '/a/-3' }], "error in move for path: '/a/-3': Unable to access invalid index: -3: invalid index referenced"],
    ['copy from below -length', { a: [1, 2] }, [{ op: 'copy', from: '/a/-3', path: '/b' }], "error in copy for from: '/a/-3': Unable to access invalid index: -3: invalid index referenced"],
    ['copy to below -(length+1)', { a: [1, 2] }, [{ op: 'copy', from: '/a/0', path: '/a/-4' }], 'error while adding value during copy: Unable to access invalid index: -4: invalid index referenced'],
    ['a bad index on the way', { a: [{ x: 1 }] }, [{ op: 'add', path: '/a/-2/y', value: 9 }], 'add operation does not apply: doc is missing path: "/a/-2/y": missing value'],
    ['an index beyond int64', { a: [1] }, [{ op: 'remove', path: '/a/99999999999999999999' }], `error in remove for path: '/a/99999999999999999999': strconv.Atoi: parsing "99999999999999999999": value out of range`],
  ];
  for (const [name, doc, ops, message] of failures) {
    it(`fails on ${name}, as evanphx words it`, () => assert.throws(() => apply(doc, ops), { message }));
  }
});
