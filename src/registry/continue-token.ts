// List continue tokens, encoded as kube-apiserver encodes them (base64 of
// {"v":"meta.k8s.io/v1","rv":<revision>,"start":"<next key, relative to the list prefix>"}).
import { newBadRequest } from '../api/errors.js';

export interface ContinuePosition {
  revision: number;
  /** The first key of the next page, relative to the list prefix. */
  start: string;
}

export function encodeContinue(position: ContinuePosition): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: position.revision, start: position.start })).toString('base64url');
}

export function decodeContinue(token: string): ContinuePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw newBadRequest('continue key is not valid: illegal base64 data at input byte 0');
  }
  const p = parsed as { v?: unknown; rv?: unknown; start?: unknown };
  if (p.v !== 'meta.k8s.io/v1') throw newBadRequest('continue key is not valid: server does not recognize this encoded key');
  if (typeof p.rv !== 'number' || p.rv <= 0 || typeof p.start !== 'string') {
    throw newBadRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  if (p.start.includes('..') || p.start.startsWith('/')) throw newBadRequest('continue key is not valid: invalid start key');
  return { revision: p.rv, start: p.start };
}
