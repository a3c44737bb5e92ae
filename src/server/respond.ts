// Writing responses: objects in the negotiated format, Status errors, and the headers every
// kube-apiserver response carries. Only handlers and filters call these.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadYAML } from './yaml.js';
import type { Status } from '../api/types.js';
import { toStatusError } from '../api/errors.js';

function commonHeaders(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-cache, private');
}

/** Writes an already-serialized body. */
export function writeRaw(req: IncomingMessage, res: ServerResponse, code: number, contentType: string, body: string | Uint8Array): void {
  commonHeaders(res);
  res.statusCode = code;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Writes a body made chunk by chunk as it is written; with its length known up front it gets a
 * Content-Length, else HTTP chunked transfer encoding. The next chunk is made once the socket
 * has taken the last one: a long list is made at the pace the client reads it, holds a chunk in
 * memory instead of all of them, and leaves the event loop to other requests in between. A
 * client that goes away stops the making.
 */
export async function writeChunks(req: IncomingMessage, res: ServerResponse, code: number, contentType: string, chunks: Iterable<Buffer>, length?: number): Promise<void> {
  commonHeaders(res);
  res.statusCode = code;
  res.setHeader('Content-Type', contentType);
  if (length !== undefined) res.setHeader('Content-Length', length);
  if (req.method !== 'HEAD') {
    for (const chunk of chunks) if (!(await written(req, res, chunk))) return;
  }
  res.end();
}

/**
 * Writes a chunk; true once the socket has taken it, false if the connection went away first.
 * The write's callback tells, not 'drain': a pipelined response queued behind this one makes the
 * socket emit 'drain' to this response while its bytes may still wait, and a queued response
 * whose client leaves gets neither 'drain' nor 'close' (its socket does).
 */
function written(req: IncomingMessage, res: ServerResponse, chunk: Buffer): Promise<boolean> {
  const socket = req.socket;
  if (res.destroyed || socket.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = (): void => resolve(false);
    socket.once('close', onClose);
    res.write(chunk, (err) => {
      socket.off('close', onClose);
      resolve(!err);
    });
  });
}

export function writeJSON(req: IncomingMessage, res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  writeRaw(req, res, code, contentType, JSON.stringify(body));
}

/**
 * YAML as kube-apiserver writes it (sigs.k8s.io/yaml: JSON decoded into maps, then go-yaml):
 * keys sorted, a sequence's "- " at its key's indentation, long strings not folded.
 */
const GO_YAML = { aliasDuplicateObjects: false, sortMapEntries: true, indentSeq: false, lineWidth: 0 } as const;

export function writeFormatted(req: IncomingMessage, res: ServerResponse, code: number, body: unknown, format: 'json' | 'yaml'): void {
  if (format === 'json') return writeJSON(req, res, code, body);
  const yaml = loadYAML();
  writeRaw(req, res, code, 'application/yaml', yaml.stringify(body, GO_YAML));
}

export function writeStatus(req: IncomingMessage, res: ServerResponse, status: Status): void {
  if (status.details?.retryAfterSeconds) res.setHeader('Retry-After', String(status.details.retryAfterSeconds));
  writeJSON(req, res, status.code, status);
}

/** Any error as the Status a client sees; the connection is dropped if headers already went out. */
export function writeError(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  const statusError = toStatusError(err);
  if (statusError.code >= 500) console.error(`kubefake: ${req.method} ${req.url}:`, err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  writeStatus(req, res, statusError.status);
}

/** Go's http.NotFound: what kube-apiserver answers for a path nothing serves. */
export function writeNotFoundPage(res: ServerResponse): void {
  commonHeaders(res);
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end('404 page not found\n');
}

/** go-restful's answer to an HTTP method no route has (e.g. OPTIONS on a resource path). */
export function writeMethodNotAllowedPage(res: ServerResponse): void {
  commonHeaders(res);
  res.statusCode = 405;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('405: Method Not Allowed');
}

/** A Warning header, once per text, as kube-apiserver's warning recorder keeps them (a retried write warns again). */
export function addWarning(res: ServerResponse, text: string): void {
  const value = `299 - ${JSON.stringify(text)}`;
  const existing = res.getHeader('Warning');
  if (existing === undefined) return void res.setHeader('Warning', value);
  const values = Array.isArray(existing) ? existing : [String(existing)];
  if (!values.includes(value)) res.setHeader('Warning', [...values, value]);
}
