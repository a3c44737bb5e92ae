// RFC 6901 JSON pointers, as JSON Patch addresses values.

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

/** Resolves every token but the last: the container the operation acts on, and the last token. */
export function resolveParent(doc: unknown, tokens: string[]): { parent: Container; key: string } {
  let cur: unknown = doc;
  for (const t of tokens.slice(0, -1)) {
    cur = child(cur, t);
    if (cur === undefined) throw new Error(`doc is missing path: "/${tokens.join('/')}": missing value`);
  }
  if (!isContainer(cur)) throw new Error(`doc is missing path: "/${tokens.join('/')}": missing value`);
  return { parent: cur, key: tokens[tokens.length - 1] };
}

export function child(cur: unknown, token: string): unknown {
  if (Array.isArray(cur)) {
    const i = arrayIndex(token, cur.length, false);
    return cur[i];
  }
  if (isContainer(cur)) return Object.prototype.hasOwnProperty.call(cur, token) ? (cur as Record<string, unknown>)[token] : undefined;
  return undefined;
}

export function arrayIndex(token: string, length: number, forInsert: boolean): number {
  if (forInsert && token === '-') return length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw new Error(`invalid array index: ${token}`);
  const i = Number(token);
  if (i > length || (!forInsert && i >= length)) throw new Error(`Unable to access invalid index: ${i}`);
  return i;
}
