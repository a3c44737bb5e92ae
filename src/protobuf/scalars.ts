// Wire scalars to the JSON values Go's encoding/json would write for the same Go field.
import type { ScalarType } from './schema-types.js';
import { decodeIntOrString, decodeQuantity, formatTime, int64 } from './message-scalars.js';
import { WireType } from './wire.js';

export type JsonScalar = string | number | boolean | null;

/** Scalars that are messages on the wire: a repeated occurrence merges into the earlier one. */
export function isMessageScalar(scalar: ScalarType): boolean {
  return scalar === 'time' || scalar === 'microtime' || scalar === 'intorstring' || scalar === 'quantity';
}

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
    return int64(raw, where);
  }
  if (scalar === 'string') return utf8.decode(raw);
  if (scalar === 'bytes') return Buffer.from(raw).toString('base64');
  if (scalar === 'intorstring') return decodeIntOrString(raw);
  if (scalar === 'quantity') return decodeQuantity(raw);
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
    case 'intorstring':
      return 0;
    case 'quantity':
      return '0';
    default:
      return null;
  }
}
