// The generic message decoder: protobuf bytes + compiled schema → the JSON object Go's
// encoding/json would write for the same Go struct (omitempty, pointers, struct values), with
// Go's `null`s left out. Unknown fields are skipped, as protobuf requires.
import type { CompiledField, CompiledMessage, CompiledValue } from './compile.js';
import { decodeScalar, isMessageScalar, scalarWireType, zeroScalar } from './scalars.js';
import { WireError, WireReader, WireType } from './wire.js';

type Raw = bigint | Uint8Array;
type Json = unknown;

/** Nesting deeper than any Kubernetes object needs; it keeps a hostile body off the stack limit. */
const MAX_DEPTH = 64;

export function decodeMessage(message: CompiledMessage, bytes: Uint8Array, depth = 0): Json {
  if (depth > MAX_DEPTH) throw new WireError(`proto: ${message.shortName}: nesting deeper than ${MAX_DEPTH}`);
  const occurrences = collect(message, bytes);
  if (message.wraps) return fieldValue(message.wraps, occurrences.get(message.wraps.number) ?? [], depth) ?? [];
  const out: Record<string, Json> = {};
  for (const field of message.fields) {
    const value = fieldValue(field, occurrences.get(field.number) ?? [], depth);
    if (field.inline) Object.assign(out, value);
    else if (value !== undefined) out[field.name] = value;
  }
  return out;
}

/** Reads every field once, checking wire types; keeps each occurrence for its field. */
function collect(message: CompiledMessage, bytes: Uint8Array): Map<number, Raw[]> {
  const reader = new WireReader(bytes);
  const found = new Map<number, Raw[]>();
  while (!reader.done) {
    const { field: number, wireType } = reader.readTag(message.shortName);
    const field = message.byNumber.get(number);
    if (!field) {
      reader.skip(wireType);
      continue;
    }
    if (wireType !== expectedWireType(field)) {
      throw new WireError(`proto: wrong wireType = ${wireType} for field ${field.goName}`);
    }
    const raw = wireType === WireType.varint ? reader.readVarint() : reader.readBytes();
    const list = found.get(number);
    if (list) list.push(raw);
    else found.set(number, [raw]);
  }
  return found;
}

function expectedWireType(field: CompiledField): number {
  if (field.map || field.value.kind === 'message') return WireType.bytes;
  return scalarWireType(field.value.scalar);
}

/** The field's JSON value, or undefined when Go would omit it (or write null). */
function fieldValue(field: CompiledField, raws: Raw[], depth: number): Json {
  if (field.map) {
    const entries = raws.map((raw) => mapEntry(field, raw as Uint8Array, depth));
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (field.repeated) return raws.length ? raws.map((raw) => valueOf(field.value, raw, field, depth)) : undefined;
  if (field.value.kind === 'message') {
    // An embedded message seen several times is merged, which is decoding the concatenation.
    return raws.length || !field.pointer ? decodeMessage(field.value.message, concat(raws), depth + 1) : undefined;
  }
  if (raws.length === 0) return field.keepZero ? (zeroScalar(field.value.scalar) ?? undefined) : undefined;
  // A repeated scalar occurrence replaces the earlier one; a message-backed scalar merges.
  const merges = isMessageScalar(field.value.scalar);
  const value = decodeScalar(field.value.scalar, merges ? concat(raws) : raws[raws.length - 1], field.name);
  if (value === null) return undefined;
  return field.pointer || field.keepZero || value !== zeroScalar(field.value.scalar) ? value : undefined;
}

function valueOf(value: CompiledValue, raw: Raw, field: CompiledField, depth: number): Json {
  if (value.kind === 'message') return decodeMessage(value.message, raw as Uint8Array, depth + 1);
  return decodeScalar(value.scalar, raw, field.name);
}

/** A map entry is the message {1 key string, 2 value}; a missing part is its zero value. */
function mapEntry(field: CompiledField, bytes: Uint8Array, depth: number): [string, Json] {
  const reader = new WireReader(bytes);
  let key = '';
  let value: Raw | undefined;
  const valueWireType = field.value.kind === 'message' ? WireType.bytes : scalarWireType(field.value.scalar);
  while (!reader.done) {
    const { field: number, wireType } = reader.readTag(`${field.goName}Entry`);
    if (number !== 1 && number !== 2) {
      reader.skip(wireType);
      continue;
    }
    const expected = number === 1 ? WireType.bytes : valueWireType;
    if (wireType !== expected) throw new WireError(`proto: wrong wireType = ${wireType} for field ${field.goName}`);
    if (number === 1) key = decodeScalar('string', reader.readBytes(), field.name) as string;
    else value = wireType === WireType.varint ? reader.readVarint() : reader.readBytes();
  }
  if (value !== undefined) return [key, valueOf(field.value, value, field, depth)];
  const zero = field.value.kind === 'message' ? decodeMessage(field.value.message, new Uint8Array(0), depth + 1) : zeroScalar(field.value.scalar);
  return [key, zero];
}

function concat(raws: Raw[]): Uint8Array {
  return raws.length === 1 ? (raws[0] as Uint8Array) : Buffer.concat(raws as Uint8Array[]);
}
