// RFC 6902 JSON Patch (application/json-patch+json), applied to a copy of the document, with the
// error texts of gopkg.in/evanphx/json-patch.v4 (v4.12.0), which kube-apiserver applies patches with.
import { setMember } from '../api/types.js';
import { deepEqual } from '../registry/compare.js';
import { addMember, elementIndex, findParent, getMember, isContainer, parsePointer, removeMember, type Container } from './json-pointer.js';

export interface JSONPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export const MAX_JSON_PATCH_OPERATIONS = 10000;

/** Checks the shape of a decoded patch; throws an Error with the problem. */
export function decodeJSONPatch(body: unknown): JSONPatchOperation[] {
  if (!Array.isArray(body)) throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  return body.map((op, i) => {
    if (typeof op !== 'object' || op === null) throw new Error(`invalid operation ${i}`);
    const o = op as Record<string, unknown>;
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(String(o.op))) throw new Error(`Unexpected kind: ${String(o.op)}`);
    if (typeof o.path !== 'string') throw new Error(`operation missing path`);
    if ((o.op === 'move' || o.op === 'copy') && typeof o.from !== 'string') throw new Error(`operation missing from`);
    if ((o.op === 'add' || o.op === 'replace' || o.op === 'test') && !('value' in o)) throw new Error(`operation missing value`);
    return o as unknown as JSONPatchOperation;
  });
}

type Target = { parent: Container; key: string };

/** findObject, or the operation's "does not apply" error (wrapping ErrMissing). */
function target(doc: unknown, pointer: string, notApplicable: string): Target {
  const found = findParent(doc, parsePointer(pointer));
  if (!found) throw new Error(`${notApplicable}: missing value`);
  return found;
}

/** errors.Wrapf: the failure of fn, behind prefix. */
function wrap<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new Error(`${prefix}: ${(err as Error).message}`);
  }
}

function add(doc: unknown, path: string, value: unknown): unknown {
  if (path === '') return value;
  const t = target(doc, path, `add operation does not apply: doc is missing path: "${path}"`);
  wrap(`error in add for path: '${path}'`, () => addMember(t.parent, t.key, value));
  return doc;
}

function remove(doc: unknown, path: string): unknown {
  const t = target(doc, path, `remove operation does not apply: doc is missing path: "${path}"`);
  wrap(`error in remove for path: '${path}'`, () => removeMember(t.parent, t.key));
  return doc;
}

function replace(doc: unknown, path: string, value: unknown): unknown {
  if (path === '') return value;
  const { parent, key } = target(doc, path, `replace operation does not apply: doc is missing path: ${path}`);
  // evanphx's replace checks the key with get and swaps any failure for ErrMissing. An object's
  // get never fails (v4 reads a missing member as nil), so a missing member is added.
  if (Array.isArray(parent)) {
    let i: number;
    try {
      i = elementIndex(key, parent.length);
    } catch {
      throw new Error(`replace operation does not apply: doc is missing key: ${path}: missing value`);
    }
    parent[i] = value;
  } else {
    setMember(parent, key, value);
  }
  return doc;
}

function move(doc: unknown, from: string, path: string): unknown {
  const src = target(doc, from, `move operation does not apply: doc is missing from path: ${from}`);
  const value = wrap(`error in move for path: '${src.key}'`, () => getMember(src.parent, src.key));
  wrap(`error in move for path: '${src.key}'`, () => removeMember(src.parent, src.key));
  const dst = target(doc, path, `move operation does not apply: doc is missing destination path: ${path}`);
  wrap(`error in move for path: '${path}'`, () => addMember(dst.parent, dst.key, value));
  return doc;
}

function copy(doc: unknown, from: string, path: string): unknown {
  const src = target(doc, from, `copy operation does not apply: doc is missing from path: ${from}`);
  // As in replace, v4 reads a missing member as nil: copying one adds null.
  const value = wrap(`error in copy for from: '${from}'`, () => getMember(src.parent, src.key)) ?? null;
  const dst = target(doc, path, `copy operation does not apply: doc is missing destination path: ${path}`);
  wrap('error while adding value during copy', () => addMember(dst.parent, dst.key, structuredClone(value)));
  return doc;
}

function test(doc: unknown, path: string, expected: unknown): void {
  let actual = doc;
  if (path !== '') {
    const t = target(doc, path, `test operation does not apply: is missing path: ${path}`);
    actual = wrap(`error in test for path: '${path}'`, () => getMember(t.parent, t.key));
  }
  if (actual === undefined || !deepEqual(actual, expected)) throw new Error(`testing value ${path} failed: test failed`);
}

/** Applies the operations in order to a deep copy of doc; throws an Error on the first failure. */
export function applyJSONPatch(doc: unknown, ops: readonly JSONPatchOperation[]): unknown {
  let out: unknown = structuredClone(doc);
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        out = add(out, op.path, structuredClone(op.value));
        break;
      case 'remove':
        out = remove(out, op.path);
        break;
      case 'replace':
        out = replace(out, op.path, structuredClone(op.value));
        break;
      case 'move':
        out = move(out, op.from!, op.path);
        break;
      case 'copy':
        out = copy(out, op.from!, op.path);
        break;
      case 'test':
        test(out, op.path, op.value);
        break;
    }
    if (!isContainer(out)) throw new Error('the patched document is not an object');
  }
  return out;
}
