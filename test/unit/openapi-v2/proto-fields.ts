// A minimal protobuf reader for the tests: a message as its list of fields, in wire order, and
// helpers to pick fields out of it.

export interface ProtoField {
  n: number;
  /** varint as bigint, fixed64 as a double, length-delimited as bytes. */
  value: bigint | number | Uint8Array;
}

export function readFields(bytes: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (pos >= bytes.length) throw new Error('truncated varint');
      const b = bytes[pos++];
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
  };
  while (pos < bytes.length) {
    const key = Number(varint());
    const n = key >> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ n, value: varint() });
    else if (wire === 1) {
      out.push({ n, value: new DataView(bytes.buffer, bytes.byteOffset + pos, 8).getFloat64(0, true) });
      pos += 8;
    } else if (wire === 2) {
      const len = Number(varint());
      if (pos + len > bytes.length) throw new Error('truncated bytes');
      out.push({ n, value: bytes.subarray(pos, pos + len) });
      pos += len;
    } else throw new Error(`unexpected wire type ${wire}`);
  }
  return out;
}

/** The bytes of every field `n`. */
export function all(fields: ProtoField[], n: number): Uint8Array[] {
  return fields.filter((f) => f.n === n).map((f) => f.value as Uint8Array);
}

/** The one field `n` (asserting there is exactly one). */
export function one(fields: ProtoField[], n: number): ProtoField['value'] {
  const found = fields.filter((f) => f.n === n);
  if (found.length !== 1) throw new Error(`field ${n}: ${found.length} occurrences`);
  return found[0].value;
}

export const text = (b: ProtoField['value']): string => Buffer.from(b as Uint8Array).toString('utf8');

/** Named<X> pairs (name = 1, value = 2) of the fields `n`, as [name, value bytes]. */
export function named(fields: ProtoField[], n: number): [string, Uint8Array][] {
  return all(fields, n).map((pair) => {
    const f = readFields(pair);
    const name = f.find((x) => x.n === 1);
    return [name ? text(name.value) : '', (f.find((x) => x.n === 2)?.value as Uint8Array) ?? new Uint8Array()];
  });
}

/** The YAML texts of the vendor extensions (NamedAny, field `n`) by name. */
export function extensions(fields: ProtoField[], n: number): Record<string, string> {
  return Object.fromEntries(named(fields, n).map(([name, any]) => [name, text(one(readFields(any), 2))]));
}
