// Wire scalars to the JSON values Go's encoding/json would write for the same Go field.
import type { ScalarType } from './schema-types.js';
import { WireError, WireReader, WireType } from './wire.js';

export type JsonScalar = string | number | boolean | null;

const utf8 = new TextDecoder(); // not fatal: like Go's JSON encoder, bad UTF-8 becomes U+FFFD

/** The wire type a scalar is sent with. */
export function scalarWireType(scalar: ScalarType): number {
  return scalar === 'int32' || scalar === 'int64' || scalar === 'bool' ? WireType.varint : WireType.bytes;
}

/** `raw` is a bigint for varint scalars and the payload for length-delimited ones. */
export function decodeScalar(scalar: ScalarType, raw: bigint | Uint8Array, where: string): JsonScalar {
  if (typeof raw === 'bigint') {
    if (scalar === 'bool') return raw !== 0n;
    if (scalar === 'int32') return Number(BigInt.asIntN(32, raw));
    return safeInt64(BigInt.asIntN(64, raw), where);
  }
  if (scalar === 'string') return utf8.decode(raw);
  if (scalar === 'bytes') return Buffer.from(raw).toString('base64');
  return formatTime(raw, scalar === 'microtime', where);
}

/** The JSON a Go zero value of this scalar gives; times are Go's `null`. */
export function zeroScalar(scalar: ScalarType): JsonScalar {
  switch (scalar) {
    case 'string':
    case 'bytes':
      return '';
    case 'bool':
      return false;
    case 'int32':
    case 'int64':
      return 0;
    default:
      return null;
  }
}

function safeInt64(value: bigint, where: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new WireError(`proto: int64 ${value} in ${where} does not fit a JSON number exactly`);
  return n;
}

/**
 * metav1.Time and MicroTime: empty bytes are the zero time (JSON null). Time keeps whole seconds
 * (its Unmarshal drops nanos) and prints RFC 3339; MicroTime prints six fractional digits.
 */
function formatTime(bytes: Uint8Array, micro: boolean, where: string): string | null {
  if (bytes.length === 0) return null;
  const { seconds, nanos } = readTimestamp(bytes, where);
  // time.Unix normalises nanos outside [0, 1e9) into the seconds.
  const carry = micro ? Math.floor(nanos / 1e9) : 0;
  const date = new Date((seconds + carry) * 1000);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) {
    throw new WireError(`Time.MarshalJSON: year outside of range [0,9999] in ${where}`);
  }
  const whole = date.toISOString().slice(0, 19);
  if (!micro) return `${whole}Z`;
  const micros = Math.floor((nanos - carry * 1e9) / 1000);
  return `${whole}.${String(micros).padStart(6, '0')}Z`;
}

function readTimestamp(bytes: Uint8Array, where: string): { seconds: number; nanos: number } {
  const reader = new WireReader(bytes);
  let seconds = 0;
  let nanos = 0;
  while (!reader.done) {
    const { field, wireType } = reader.readTag('Timestamp');
    if (field !== 1 && field !== 2) {
      reader.skip(wireType);
      continue;
    }
    if (wireType !== WireType.varint) {
      throw new WireError(`proto: wrong wireType = ${wireType} for field ${field === 1 ? 'Seconds' : 'Nanos'}`);
    }
    const value = reader.readVarint();
    if (field === 1) seconds = safeInt64(BigInt.asIntN(64, value), where);
    else nanos = Number(BigInt.asIntN(32, value));
  }
  return { seconds, nanos };
}
