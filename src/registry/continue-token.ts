// List continue tokens, encoded as kube-apiserver encodes them (base64 of
// {"v":"meta.k8s.io/v1","rv":<revision>,"start":"<next key, relative to the list prefix>"}).
import { newBadRequest } from '../api/errors.js';

export interface ContinuePosition {
  revision: number;
  /** The first key of the next page, relative to the list prefix. */
  start: string;
}

/** Go's path.Clean: no empty or `.` segments, `..` resolved, no trailing slash. */
function cleanPath(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !rooted) out.push(part);
  }
  const cleaned = (rooted ? '/' : '') + out.join('/');
  return cleaned || (rooted ? '/' : '.');
}

export function encodeContinue(position: ContinuePosition): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: position.revision, start: position.start })).toString('base64url');
}

/** storage.DecodeContinue, with the handler's `invalid continue token: ` prefix on every error. */
export function decodeContinue(token: string): ContinuePosition {
  const fail = (why: string): never => {
    throw newBadRequest(`invalid continue token: continue key is not valid: ${why}`);
  };
  let parsed: unknown;
  const raw = Buffer.from(token, 'base64');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(token)) fail('illegal base64 data at input byte 0');
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    fail('illegal base64 data at input byte 0');
  }
  const p = (parsed ?? {}) as { v?: unknown; rv?: unknown; start?: unknown };
  if (p.v !== 'meta.k8s.io/v1') fail(`server does not recognize this encoded version ${String(p.v ?? '')}`);
  if (typeof p.rv !== 'number' || p.rv <= 0) fail('incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  if (typeof p.start !== 'string' || p.start === '') fail('encoded start key empty (version meta.k8s.io/v1)');
  // Against path traversal: the key must be what path.Clean makes of it.
  const start = p.start as string;
  if (cleanPath(start) !== start || start.split('/').includes('..')) fail(start);
  return { revision: p.rv as number, start: start.replace(/^\//, '') };
}
