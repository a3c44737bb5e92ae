// The apimachinery types that are small messages on the wire but scalar values in JSON:
// metav1.Time / MicroTime, intstr.IntOrString and resource.Quantity. Each is decoded from its
// message bytes to what the Go type's MarshalJSON writes.
import { WireError, WireReader, WireType } from './wire.js';

type Raw = bigint | Uint8Array;

const utf8 = new TextDecoder();

/** IntOrString.Type: 0 is Int, 1 is String (intstr.Int, intstr.String). */
const INT_OR_STRING_STRING = 1n;

/**
 * metav1.Time and MicroTime: empty bytes are the zero time (JSON null). Time keeps whole seconds
 * (its Unmarshal drops nanos) and prints RFC 3339; MicroTime prints six fractional digits.
 */
export function formatTime(bytes: Uint8Array, micro: boolean, where: string): string | null {
  if (bytes.length === 0) return null;
  const fields = readFields(bytes, 'Timestamp', { 1: ['Seconds', WireType.varint], 2: ['Nanos', WireType.varint] });
  const seconds = int64(fields.get(1), where);
  const nanos = Number(BigInt.asIntN(32, (fields.get(2) as bigint | undefined) ?? 0n));
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

/** intstr.IntOrString: its intVal as a number, or its strVal as a string when type is String. */
export function decodeIntOrString(bytes: Uint8Array): number | string {
  const fields = readFields(bytes, 'IntOrString', {
    1: ['Type', WireType.varint],
    2: ['IntVal', WireType.varint],
    3: ['StrVal', WireType.bytes],
  });
  const type = BigInt.asIntN(64, (fields.get(1) as bigint | undefined) ?? 0n);
  if (type === 0n) return Number(BigInt.asIntN(32, (fields.get(2) as bigint | undefined) ?? 0n));
  if (type === INT_OR_STRING_STRING) return utf8.decode((fields.get(3) as Uint8Array | undefined) ?? new Uint8Array(0));
  throw new WireError('impossible IntOrString.Type');
}

/**
 * resource.Quantity: the string clients write (already canonical from Go clients). An empty one is
 * the zero quantity, which Go prints as "0". The registry validates the value like any JSON body.
 */
export function decodeQuantity(bytes: Uint8Array): string {
  const fields = readFields(bytes, 'Quantity', { 1: ['String_', WireType.bytes] });
  const text = utf8.decode((fields.get(1) as Uint8Array | undefined) ?? new Uint8Array(0));
  return text === '' ? '0' : text;
}

export function int64(raw: Raw | undefined, where: string): number {
  const value = BigInt.asIntN(64, (raw as bigint | undefined) ?? 0n);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new WireError(`proto: int64 ${value} in ${where} does not fit a JSON number exactly`);
  return n;
}

/** The last occurrence of each known field of a small message, wire types checked; others skipped. */
function readFields(bytes: Uint8Array, message: string, known: Record<number, [goName: string, wireType: number]>): Map<number, Raw> {
  const reader = new WireReader(bytes);
  const found = new Map<number, Raw>();
  while (!reader.done) {
    const { field, wireType } = reader.readTag(message);
    const spec = known[field];
    if (!spec) {
      reader.skip(wireType);
      continue;
    }
    if (wireType !== spec[1]) throw new WireError(`proto: wrong wireType = ${wireType} for field ${spec[0]}`);
    found.set(field, wireType === WireType.varint ? reader.readVarint() : reader.readBytes());
  }
  return found;
}
