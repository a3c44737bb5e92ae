// src/protobuf: decoding Kubernetes protobuf request bodies (`application/vnd.kubernetes.protobuf`)
// into the JSON object a JSON client would have sent, so the rest of the server only sees JSON.
// kubectl's typed clients send some bodies only this way (every `kubectl create <generator>`, auth
// can-i, whoami, create token). wire.ts reads the wire format, envelope.ts the `k8s\0` +
// runtime.Unknown frame, schemas/ holds the messages as data, decode-message.ts applies them
// (scalars.ts and message-scalars.ts the leaf values). Errors are 400 Status objects worded as
// kube-apiserver's create handler words them.
import { newBadRequest, type StatusError } from '../api/errors.js';
import { compileSchemas } from './compile.js';
import { decodeMessage } from './decode-message.js';
import { parseEnvelope, type Envelope } from './envelope.js';
import { KINDS, MESSAGES } from './schemas.js';
import { WireError } from './wire.js';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

/** The endpoint's own type: fills a missing envelope apiVersion/kind and names the type in errors. */
export interface ExpectedType {
  apiVersion: string;
  kind: string;
}

const schemas = compileSchemas(MESSAGES, KINDS);

// The scheme name kube-apiserver prints in "no kind is registered" errors.
const SCHEME = 'k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30';

/** True for `application/vnd.kubernetes.protobuf`, with or without parameters. */
export function isProtobufContentType(ct: string): boolean {
  return ct.split(';', 1)[0].trim().toLowerCase() === PROTOBUF_CONTENT_TYPE;
}

/** Decodes a protobuf body to JSON; throws a BadRequest StatusError for anything it cannot read. */
export function decodeProtobufBody(body: Buffer, expected?: ExpectedType): Record<string, unknown> {
  let envelope: Envelope;
  try {
    envelope = parseEnvelope(body);
  } catch (err) {
    if (!(err instanceof WireError)) throw err;
    throw unrecognized(err.message, body, expected);
  }
  const apiVersion = envelope.apiVersion || expected?.apiVersion || '';
  const kind = envelope.kind || expected?.kind || '';
  const typeMeta = `runtime.TypeMeta{APIVersion:${JSON.stringify(envelope.apiVersion)}, Kind:${JSON.stringify(envelope.kind)}}`;
  if (!kind) throw unrecognized(`Object 'Kind' is missing in '${typeMeta}'`, body, expected);
  const cannotHandle = (reason: string): StatusError => {
    const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
    return newBadRequest(`${kind} in version ${JSON.stringify(version)} cannot be handled as a ${expected?.kind ?? kind}: ${reason}`);
  };
  if (!apiVersion) throw cannotHandle(`Object 'apiVersion' is missing in '${typeMeta}'`);
  const message = schemas.lookup(apiVersion, kind);
  if (!message) throw cannotHandle(`no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme ${JSON.stringify(SCHEME)}`);
  try {
    return { apiVersion, kind, ...(decodeMessage(message, envelope.raw) as Record<string, unknown>) };
  } catch (err) {
    if (err instanceof WireError) throw cannotHandle(err.message);
    throw err;
  }
}

function unrecognized(reason: string, body: Buffer, expected: ExpectedType | undefined): StatusError {
  const type = expected ? ` (must be of type ${expected.kind})` : '';
  return newBadRequest(`the object provided is unrecognized${type}: ${reason} (${summarize(body)})`);
}

/** apiserver's summarizeData: a JSON-looking body as text, anything else as hex, 30 bytes at most. */
function summarize(body: Buffer): string {
  const MAX = 30;
  if (body.length === 0) return '<empty>';
  const head = body.subarray(0, MAX);
  const text = body[0] === 0x7b ? head.toString('utf8') : head.toString('hex');
  return body.length > MAX ? `${text} ...` : text;
}
