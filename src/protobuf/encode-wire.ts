// A minimal writer of the protobuf wire format: field keys, varints, fixed 64-bit doubles and
// length-delimited bytes, into a buffer that grows as needed. Callers write fields in the order
// Go's proto.Marshal does (ascending field number) and decide which zero values to omit.
import { WireType } from './wire.js';

const UINT64_MASK = (1n << 64n) - 1n;

export class WireWriter {
  #buf = new Uint8Array(64);
  #len = 0;

  /** The bytes written so far: a view, valid until the next write. */
  finish(): Uint8Array {
    return this.#buf.subarray(0, this.#len);
  }

  /** An unsigned varint; negative numbers are written as their 64-bit two's complement. */
  varint(value: number | bigint): void {
    if (typeof value === 'number' && value >= 0 && value < 2 ** 31) return this.#smallVarint(value);
    let v = BigInt(value) & UINT64_MASK;
    this.#reserve(10);
    while (v >= 0x80n) {
      this.#buf[this.#len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.#buf[this.#len++] = Number(v);
  }

  key(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  bytesField(field: number, bytes: Uint8Array): void {
    this.key(field, WireType.bytes);
    this.varint(bytes.length);
    this.#reserve(bytes.length);
    this.#buf.set(bytes, this.#len);
    this.#len += bytes.length;
  }

  stringField(field: number, value: string): void {
    this.bytesField(field, Buffer.from(value, 'utf8'));
  }

  boolField(field: number, value: boolean): void {
    this.key(field, WireType.varint);
    this.varint(value ? 1 : 0);
  }

  int64Field(field: number, value: bigint): void {
    this.key(field, WireType.varint);
    this.varint(value);
  }

  doubleField(field: number, value: number): void {
    this.key(field, WireType.fixed64);
    this.#reserve(8);
    new DataView(this.#buf.buffer, this.#buf.byteOffset).setFloat64(this.#len, value, true);
    this.#len += 8;
  }

  #smallVarint(value: number): void {
    this.#reserve(5);
    while (value >= 0x80) {
      this.#buf[this.#len++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.#buf[this.#len++] = value;
  }

  #reserve(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }
}
