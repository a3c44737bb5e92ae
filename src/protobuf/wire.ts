// A minimal reader of the protobuf wire format (varint, 64-bit, length-delimited, 32-bit). Every
// read is bounds-checked and every loop consumes input, so malformed bytes throw a WireError and
// never hang or read past the end. Messages copy the wording of gogo-protobuf's generated
// unmarshalers, which is what kube-apiserver puts in its decode errors.

export class WireError extends Error {}

export const WireType = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;

export interface Tag {
  field: number;
  wireType: number;
}

const MAX_FIELD_NUMBER = 2 ** 29 - 1;
const MAX_VARINT_BYTES = 10;
const unexpectedEOF = (): WireError => new WireError('unexpected EOF');

export class WireReader {
  readonly #buf: Uint8Array;
  #pos = 0;

  constructor(buf: Uint8Array) {
    this.#buf = buf;
  }

  get done(): boolean {
    return this.#pos >= this.#buf.length;
  }

  /** An unsigned varint of up to 64 bits; a 10th byte above 1 overflows, as in Go. */
  readVarint(): bigint {
    let value = 0n;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      if (this.#pos >= this.#buf.length) throw unexpectedEOF();
      const byte = this.#buf[this.#pos++];
      if (i === MAX_VARINT_BYTES - 1 && byte > 1) break;
      value |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if (byte < 0x80) return value;
    }
    throw new WireError('proto: integer overflow');
  }

  /** A field key. `message` names the message being read, for the error text. */
  readTag(message: string): Tag {
    const key = this.readVarint();
    const wireType = Number(key & 7n);
    const field = key >> 3n;
    if (wireType === WireType.endGroup) throw new WireError(`proto: ${message}: wiretype end group for non-group`);
    if (field <= 0n || field > BigInt(MAX_FIELD_NUMBER)) {
      throw new WireError(`proto: ${message}: illegal tag ${field} (wire type ${wireType})`);
    }
    return { field: Number(field), wireType };
  }

  /** The payload of a length-delimited field (a view, not a copy). */
  readBytes(): Uint8Array {
    const length = this.readVarint();
    if (length > BigInt(this.#buf.length - this.#pos)) throw unexpectedEOF();
    const start = this.#pos;
    this.#pos += Number(length);
    return this.#buf.subarray(start, this.#pos);
  }

  /** Steps over a field this reader has no schema for. */
  skip(wireType: number): void {
    switch (wireType) {
      case WireType.varint:
        this.readVarint();
        return;
      case WireType.fixed64:
        return this.#advance(8);
      case WireType.bytes:
        this.readBytes();
        return;
      case WireType.fixed32:
        return this.#advance(4);
      default:
        // Groups (3, 4) are proto2 relics no Kubernetes message uses; 6 and 7 do not exist.
        throw new WireError(`proto: illegal wireType ${wireType}`);
    }
  }

  #advance(n: number): void {
    if (this.#buf.length - this.#pos < n) throw unexpectedEOF();
    this.#pos += n;
  }
}
