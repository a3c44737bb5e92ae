// The Kubernetes protobuf envelope: the magic bytes `k8s\0`, then a runtime.Unknown message
// {1 typeMeta{1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType} whose raw field holds
// the typed object. Errors say what k8s.io/apimachinery's protobuf serializer says.
import { WireError, WireReader, WireType } from './wire.js';

export const ENVELOPE_MAGIC: readonly number[] = [0x6b, 0x38, 0x73, 0x00];

export interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

const utf8 = new TextDecoder();

export function hasEnvelopeMagic(body: Uint8Array): boolean {
  return body.length >= ENVELOPE_MAGIC.length && ENVELOPE_MAGIC.every((b, i) => body[i] === b);
}

export function parseEnvelope(body: Uint8Array): Envelope {
  if (body.length === 0) throw new WireError('empty data');
  if (!hasEnvelopeMagic(body)) {
    throw new WireError(`provided data does not appear to be a protobuf message, expected prefix [${ENVELOPE_MAGIC.join(' ')}]`);
  }
  if (body.length === ENVELOPE_MAGIC.length) throw new WireError('empty body');
  const envelope: Envelope = { apiVersion: '', kind: '', raw: new Uint8Array(0), contentEncoding: '', contentType: '' };
  const reader = new WireReader(body.subarray(ENVELOPE_MAGIC.length));
  while (!reader.done) {
    const { field, wireType } = reader.readTag('Unknown');
    const name = UNKNOWN_FIELDS[field];
    if (!name) {
      reader.skip(wireType);
      continue;
    }
    if (wireType !== WireType.bytes) throw new WireError(`proto: wrong wireType = ${wireType} for field ${name}`);
    const bytes = reader.readBytes();
    if (field === 1) mergeTypeMeta(envelope, bytes);
    else if (field === 2) envelope.raw = bytes;
    else if (field === 3) envelope.contentEncoding = utf8.decode(bytes);
    else envelope.contentType = utf8.decode(bytes);
  }
  return envelope;
}

const UNKNOWN_FIELDS: Record<number, string> = { 1: 'TypeMeta', 2: 'Raw', 3: 'ContentEncoding', 4: 'ContentType' };
const TYPE_META_FIELDS: Record<number, 'apiVersion' | 'kind'> = { 1: 'apiVersion', 2: 'kind' };

/** A repeated embedded message merges into the earlier one, as protobuf specifies. */
function mergeTypeMeta(envelope: Envelope, bytes: Uint8Array): void {
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { field, wireType } = reader.readTag('TypeMeta');
    const key = TYPE_META_FIELDS[field];
    if (!key) {
      reader.skip(wireType);
      continue;
    }
    if (wireType !== WireType.bytes) {
      throw new WireError(`proto: wrong wireType = ${wireType} for field ${key === 'kind' ? 'Kind' : 'APIVersion'}`);
    }
    envelope[key] = utf8.decode(reader.readBytes());
  }
}
