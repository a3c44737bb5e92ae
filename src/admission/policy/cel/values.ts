// Decoded JSON as CEL sees it: Kubernetes' schemas type whole numbers as int, so JSON integers
// become bigint (CEL int) and everything else stays as it is. Results go back the other way.

/** A JSON value with its integers as bigint, ready to bind to a CEL variable. */
export function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCel(v);
    return out;
  }
  return value;
}

/** CEL's printing of a value in a message (`string(x)` rules for scalars). */
export function celString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}
