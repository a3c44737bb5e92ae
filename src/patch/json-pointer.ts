// RFC 6901 JSON pointers, as JSON Patch addresses values, with the array index rules of
// gopkg.in/evanphx/json-patch.v4 (v4.12.0), which kube-apiserver applies JSON patches with:
// indexes are read with strconv.Atoi (a sign and leading zeros are fine) and negative
// indexes count from the end of the array (SupportNegativeIndices defaults to true).
import { setMember } from '../api/types.js';

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`invalid JSON pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export type Container = Record<string, unknown> | unknown[];

export function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi: an optional sign, then decimal digits, within int64; throws its error text. */
export function atoi(token: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(token)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(token)}: invalid syntax`);
  const n = BigInt(token);
  if (n < INT64_MIN || n > INT64_MAX) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(token)}: value out of range`);
  return n;
}

/** i in -size..size-1, negatives counted back from size; throws ErrInvalidIndex's text otherwise. */
function withinSize(i: bigint, size: number): number {
  const n = BigInt(size);
  if (i < -n || i >= n) throw new Error(`Unable to access invalid index: ${i}: invalid index referenced`);
  return Number(i < 0n ? i + n : i);
}

/** The element an index names (get, replace, remove): -length..length-1; -1 is the last element. */
export function elementIndex(token: string, length: number): number {
  return withinSize(atoi(token), length);
}

/** Where add inserts: "-" appends; otherwise -(length+1)..length, negatives counted from the end of the grown array (-1 appends). */
export function insertIndex(token: string, length: number): number {
  if (token === '-') return length;
  let i: bigint;
  try {
    i = atoi(token);
  } catch (err) {
    throw new Error(`value was not a proper array index: '${token}': ${(err as Error).message}`);
  }
  return withinSize(i, length + 1);
}

/** A member (undefined when missing) or an element (a bad index throws). */
export function getMember(c: Container, key: string): unknown {
  if (Array.isArray(c)) return c[elementIndex(key, c.length)];
  return Object.prototype.hasOwnProperty.call(c, key) ? c[key] : undefined;
}

export function addMember(c: Container, key: string, value: unknown): void {
  if (Array.isArray(c)) c.splice(insertIndex(key, c.length), 0, value);
  else setMember(c, key, value);
}

export function removeMember(c: Container, key: string): void {
  if (Array.isArray(c)) c.splice(elementIndex(key, c.length), 1);
  else if (!Object.prototype.hasOwnProperty.call(c, key)) throw new Error(`Unable to remove nonexistent key: ${key}: missing value`);
  else delete c[key];
}

/**
 * Resolves every token but the last (findObject): the container the operation acts on and the
 * last token, or undefined when a step is missing, a bad index or not a container, or when
 * there are no tokens at all.
 */
export function findParent(doc: unknown, tokens: readonly string[]): { parent: Container; key: string } | undefined {
  if (!tokens.length) return undefined;
  let cur: unknown = doc;
  for (const t of tokens.slice(0, -1)) {
    if (!isContainer(cur)) return undefined;
    try {
      cur = getMember(cur, t);
    } catch {
      return undefined;
    }
  }
  return isContainer(cur) ? { parent: cur, key: tokens[tokens.length - 1] } : undefined;
}
