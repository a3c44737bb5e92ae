// Request bodies: read with the 3 MiB limit kube-apiserver enforces, then decoded from JSON, YAML
// or Kubernetes protobuf into plain JSON objects.
import type { IncomingMessage } from 'node:http';
import { parseAllDocuments } from 'yaml';
import { newBadRequest, newRequestEntityTooLarge, newUnsupportedMediaType } from '../api/errors.js';
import { decodeProtobufBody, isProtobufContentType } from '../protobuf/index.js';

export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw newRequestEntityTooLarge(`limit is ${limit}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw newRequestEntityTooLarge(`limit is ${limit}`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

export function parseJSON(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch (err) {
    throw newBadRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
  }
}

export function parseYAML(buf: Buffer): unknown {
  const docs = parseAllDocuments(buf.toString('utf8'));
  const list = Array.isArray(docs) ? docs : [docs];
  const first = list[0];
  if (!first) throw newBadRequest("couldn't get version/kind; json parse error: unexpected end of JSON input");
  if (first.errors.length) throw newBadRequest(`error converting YAML to JSON: ${first.errors[0].message}`);
  return first.toJSON();
}

/** Decodes an object body (create, update) by its Content-Type; `expected` is the endpoint's type. */
export function decodeObjectBody(req: IncomingMessage, buf: Buffer, expected: { apiVersion: string; kind: string }): unknown {
  const type = mediaTypeOf(req);
  if (type === 'application/json' || type === '') return parseJSON(buf);
  if (type === 'application/yaml') return parseYAML(buf);
  if (isProtobufContentType(type)) return decodeProtobufBody(buf, expected);
  throw newUnsupportedMediaType(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']);
}
