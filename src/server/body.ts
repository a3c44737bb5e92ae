// Request bodies: read with the 3 MiB limit kube-apiserver enforces, then decoded from JSON, YAML
// or Kubernetes protobuf into plain JSON objects.
import type { IncomingMessage } from 'node:http';
import { newBadRequest, newRequestEntityTooLarge, newUnsupportedMediaType, type StatusError } from '../api/errors.js';
import { loadYAML } from './yaml.js';
import { scanJSON, type JSONScan, type Recognised, type ScanOptions } from './json-scan.js';
import { fieldsV1Bytes } from '../api/fields-v1-bytes.js';
import { isPlainObject } from '../api/types.js';

export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(newRequestEntityTooLarge(`limit is ${limit}`));
  }
  // 'data'/'end' listeners: the stream's async iterator costs more than a small body's whole read.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      reject(newRequestEntityTooLarge(`limit is ${limit}`));
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Go's encoding/json wording for the parse errors V8 reports differently. */
function goJSONError(err: Error): string {
  if (/Unexpected end of JSON input/i.test(err.message)) return 'unexpected end of JSON input';
  const token = /Unexpected token '?(.)'?/.exec(err.message);
  if (token) return `invalid character '${token[1]}' looking for beginning of value`;
  return err.message;
}

export function parseJSON(buf: Buffer): unknown {
  return parseJSONText(buf.toString('utf8'));
}

function parseJSONText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw newBadRequest(`couldn't get version/kind; json parse error: ${goJSONError(err as Error)}`);
  }
}

/** A decoded object body, with the keys its JSON repeats (none for other encodings). */
export interface DecodedBody {
  value: unknown;
  duplicates: string[];
}

export interface ObjectBodyOptions {
  /**
   * A built-in kind (the default), whose Go type decodes managedFields' fieldsV1 as raw bytes: no
   * repeated-key check inside them. Custom resources decode into plain maps, fieldsV1 included.
   */
  builtin?: boolean;
  /** The request's fieldValidation: with Ignore no repeated key is looked for. */
  fieldValidation?: string;
  /**
   * The live object's managedFields. A body that sends one of their fieldsV1 back unchanged, as
   * client-go's read-modify-write and kubectl replace do, gets that very tree instead of a parse
   * of it: the bookkeeping then knows it at once (last-encoded.ts). Read only when it can serve.
   */
  liveManagedFields?(): unknown;
}

type FieldsV1Reader = NonNullable<ScanOptions['rawFieldsV1']>;

const NONE_KNOWN: FieldsV1Reader = { recognise: () => undefined };

/**
 * What recognises the live object's fieldsV1 in a body: their bytes, compared with the body's
 * where a fieldsV1 starts, the live entry of the same index first. Only for bodies all ASCII,
 * whose text offsets are byte offsets.
 */
function liveFieldsV1(buf: Buffer, text: string, live: unknown): FieldsV1Reader {
  if (!Array.isArray(live) || buf.length !== text.length) return NONE_KNOWN;
  const trees = live.map((e: unknown) => (isPlainObject(e) && isPlainObject(e.fieldsV1) ? e.fieldsV1 : undefined));
  const matchAt = (tree: object, start: number): Recognised | undefined => {
    const bytes = fieldsV1Bytes(tree);
    const end = start + bytes.length;
    return end <= buf.length && buf.compare(bytes, 0, bytes.length, start, end) === 0 ? { value: tree, end } : undefined;
  };
  return {
    recognise(entry, start) {
      const own = trees[entry];
      const same = own && matchAt(own, start);
      if (same) return same;
      for (const tree of trees) {
        const found = tree && tree !== own && matchAt(tree, start);
        if (found) return found;
      }
      return undefined;
    },
  };
}

/**
 * A JSON object body. A built-in kind's fieldsV1 values that the live object has (see
 * ObjectBodyOptions) are not parsed: the text is parsed without them and the trees are put in.
 * Text the scan cannot read is parsed as it is, for JSON.parse's error.
 */
function decodeJSON(buf: Buffer, options: ObjectBodyOptions): DecodedBody {
  const text = buf.toString('utf8');
  const builtin = options.builtin ?? true;
  const live = builtin ? options.liveManagedFields?.() : undefined;
  if (options.fieldValidation === 'Ignore' && live === undefined) return { value: parseJSONText(text), duplicates: [] };
  let scan: JSONScan;
  try {
    scan = scanJSON(text, builtin ? { rawFieldsV1: liveFieldsV1(buf, text, live) } : {});
  } catch {
    return { value: parseJSONText(text), duplicates: [] };
  }
  // A repeated key (metadata, managedFields, …) would make the spans name values JSON.parse drops.
  const known = scan.duplicates.length === 0 ? scan.recognised : [];
  if (known.length === 0) return { value: parseJSONText(text), duplicates: scan.duplicates };
  let cut = '';
  let from = 0;
  for (const span of known) {
    cut += `${text.slice(from, span.start)}0`;
    from = span.end;
  }
  cut += text.slice(from);
  let value: { metadata: { managedFields: Record<string, unknown>[] } };
  try {
    value = JSON.parse(cut);
  } catch {
    return { value: parseJSONText(text), duplicates: scan.duplicates };
  }
  for (const span of known) value.metadata.managedFields[span.entry].fieldsV1 = span.value;
  return { value, duplicates: scan.duplicates };
}

export async function parseYAML(buf: Buffer): Promise<unknown> {
  const text = buf.toString('utf8');
  const json = valueOfJSON(text);
  if (json !== undefined) return json;
  const docs = loadYAML().parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const first = list[0];
  if (!first) throw newBadRequest("couldn't get version/kind; json parse error: unexpected end of JSON input");
  if (first.errors.length) throw newBadRequest(`error converting YAML to JSON: yaml: ${first.errors[0].message.split('\n')[0]}`);
  return first.toJSON();
}

/**
 * A YAML body that is JSON, as kubectl, client-go and helm send apply patches, read as JSON: the
 * value the YAML parser makes of it, ~50× sooner (2–3 ms for a 4 KB Deployment). Undefined when
 * the text is not JSON, or repeats a key (the YAML parser refuses that, with its own message).
 */
function valueOfJSON(text: string): unknown {
  if (!/^\s*\{/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  try {
    return scanJSON(text).duplicates.length === 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** handlers' summarizeData: the first 30 bytes of a body, as text when it looks like JSON, else hex. */
function summarize(buf: Buffer): string {
  const max = 30;
  if (!buf.length) return '<empty>';
  const head = buf.subarray(0, max);
  const text = buf[0] === 0x7b ? head.toString('utf8') : head.toString('hex');
  return buf.length > max ? `${text} ...` : text;
}

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/**
 * Decodes an object body (create, update) by its Content-Type; `expected` is the endpoint's type.
 * Keys a JSON body repeats come with it, for the strict decoder's `duplicate field` errors (the
 * YAML parser refuses them itself).
 */
export async function decodeObjectBody(req: IncomingMessage, buf: Buffer, expected: { apiVersion: string; kind: string }, options: ObjectBodyOptions = {}): Promise<DecodedBody> {
  const type = mediaTypeOf(req);
  // The protobuf decoder and its schema tables load on the first protobuf body.
  if (type === PROTOBUF) return { value: await (await import('../protobuf/index.js')).decodeProtobufBody(buf, expected), duplicates: [] };
  if (type !== 'application/json' && type !== '' && type !== 'application/yaml') {
    throw newUnsupportedMediaType(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']);
  }
  try {
    return type === 'application/yaml' ? { value: await parseYAML(buf), duplicates: [] } : decodeJSON(buf, options);
  } catch (err) {
    // transformDecodeError: a body that does not decode names the type the endpoint wanted.
    const message = (err as StatusError).status?.message ?? String(err);
    throw newBadRequest(`the object provided is unrecognized (must be of type ${expected.kind}): ${message} (${summarize(buf)})`);
  }
}
