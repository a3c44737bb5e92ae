// A tiny protobuf writer for building test fixtures (test-only): each helper returns the bytes of
// one field, and `message`/`envelope` wrap fields the way Kubernetes clients do.

export function varint(value: number | bigint): Buffer {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

export function tag(field: number, wireType: number): Buffer {
  return varint((BigInt(field) << 3n) | BigInt(wireType));
}

export function int(field: number, value: number | bigint): Buffer {
  return Buffer.concat([tag(field, 0), varint(value)]);
}

export function bool(field: number, value: boolean): Buffer {
  return int(field, value ? 1 : 0);
}

export function bytes(field: number, payload: Uint8Array): Buffer {
  return Buffer.concat([tag(field, 2), varint(payload.length), payload]);
}

export function str(field: number, value: string): Buffer {
  return bytes(field, Buffer.from(value, 'utf8'));
}

export function message(field: number, ...parts: Buffer[]): Buffer {
  return bytes(field, Buffer.concat(parts));
}

export function strings(field: number, values: string[]): Buffer {
  return Buffer.concat(values.map((v) => str(field, v)));
}

/** A map<string,string> field: one {1 key, 2 value} entry per pair. */
export function stringMap(field: number, entries: Record<string, string>): Buffer {
  return Buffer.concat(Object.entries(entries).map(([k, v]) => message(field, str(1, k), str(2, v))));
}

export function fixed32(field: number): Buffer {
  return Buffer.concat([tag(field, 5), Buffer.alloc(4, 0xab)]);
}

export function fixed64(field: number): Buffer {
  return Buffer.concat([tag(field, 1), Buffer.alloc(8, 0xcd)]);
}

/** ObjectMeta as a Go client writes it on create: every string field present, even empty. */
export function emptyObjectMeta(field = 1, name = ''): Buffer {
  return message(field, str(1, name), str(2, ''), str(3, ''), str(4, ''), str(5, ''), str(6, ''), int(7, 0), message(8));
}

/** The `k8s\0` magic + runtime.Unknown{1 typeMeta{1 apiVersion, 2 kind}, 2 raw, 3 "", 4 ""}. */
export function envelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
  const unknown = Buffer.concat([message(1, str(1, apiVersion), str(2, kind)), bytes(2, raw), str(3, ''), str(4, '')]);
  return Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0x00]), unknown]);
}

/** An intstr.IntOrString {1 type, 2 intVal, 3 strVal}, with every part present as Go writes it. */
export function intOrString(field: number, value: number | string): Buffer {
  return typeof value === 'number' ? message(field, int(1, 0), int(2, value), str(3, '')) : message(field, int(1, 1), int(2, 0), str(3, value));
}

/** A resource.Quantity {1 string}. */
export function quantity(field: number, value: string): Buffer {
  return message(field, str(1, value));
}

/** A map<string,Quantity> field. */
export function quantityMap(field: number, entries: Record<string, string>): Buffer {
  return Buffer.concat(Object.entries(entries).map(([k, v]) => message(field, str(1, k), quantity(2, v))));
}
