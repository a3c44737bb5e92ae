// RFC 6902 JSON Patch (application/json-patch+json), applied to a copy of the document.
import { deepEqual } from '../registry/compare.js';
import { arrayIndex, child, isContainer, parsePointer, resolveParent } from './json-pointer.js';

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

function get(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const t of parsePointer(pointer)) {
    cur = child(cur, t);
    if (cur === undefined) throw new Error(`doc is missing path: "${pointer}": missing value`);
  }
  return cur;
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (!tokens.length) return value;
  const { parent, key } = resolveParent(doc, tokens);
  if (Array.isArray(parent)) parent.splice(arrayIndex(key, parent.length, true), 0, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (!tokens.length) throw new Error('unable to remove the whole document');
  const { parent, key } = resolveParent(doc, tokens);
  if (Array.isArray(parent)) parent.splice(arrayIndex(key, parent.length, false), 1);
  else {
    if (!Object.prototype.hasOwnProperty.call(parent, key)) throw new Error(`Unable to remove nonexistent key: ${key}: missing value`);
    delete parent[key];
  }
  return doc;
}

function replace(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (!tokens.length) return value;
  const { parent, key } = resolveParent(doc, tokens);
  if (Array.isArray(parent)) parent[arrayIndex(key, parent.length, false)] = value;
  else {
    if (!Object.prototype.hasOwnProperty.call(parent, key)) throw new Error(`replace operation does not apply: doc is missing key: ${pointer}: missing value`);
    parent[key] = value;
  }
  return doc;
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
      case 'move': {
        const value = get(out, op.from!);
        out = add(remove(out, op.from!), op.path, value);
        break;
      }
      case 'copy':
        out = add(out, op.path, structuredClone(get(out, op.from!)));
        break;
      case 'test':
        if (!deepEqual(get(out, op.path), op.value)) throw new Error(`testing value ${op.path} failed: test failed`);
        break;
    }
    if (!isContainer(out)) throw new Error('the patched document is not an object');
  }
  return out;
}
