// How Go prints a JSON value once decoded into unstructured content (map[string]interface{},
// []interface{}, string, bool, int64 for whole numbers in range, float64 otherwise): fmt's %v,
// %T and %#v, strconv's shortest float64, encoding/json's Marshal, and %#v of the byte and string
// slices and pointers that field errors quote. Error texts that quote a value the way
// kube-apiserver does print it through here.
import { isPlainObject } from './types.js';

type JSONMap = Record<string, unknown>;

/**
 * Whether a decoded number is an int64: a whole number in int64's range (Go decodes a literal
 * without fraction or exponent as int64; `2.0` and `1e3` cannot be told apart from it here).
 */
export const isGoInt = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) < 2 ** 63;

/** Go's `<` on strings: byte by byte of their UTF-8. */
export function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const sortedKeys = (m: JSONMap): string[] => Object.keys(m).sort(compareGoStrings);

/** strconv.FormatFloat(x, 'g', -1, 64), which is what %v prints for a float64. */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa, exponent] = x.toExponential().split('e');
  const exp = Number(exponent);
  if (exp >= -4 && exp < 6) return String(x);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** %v of a decoded JSON number: an int64 bare, a float64 as goFloat. */
export function goNumber(v: number): string {
  return isGoInt(v) ? String(v) : goFloat(v);
}

/** fmt.Sprint (%v) of a decoded value: `<nil>`, `true`, `3`, `1.5`, `1e+06`, `[a b]`, `map[k:v]`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isPlainObject(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  return String(v);
}

/** %T of a decoded value: the Go type it has in unstructured content. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return '[]interface {}';
  if (isPlainObject(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return isGoInt(v) ? 'int64' : 'float64';
}

/** %#v of a decoded value (what field errors print for maps and slices); map keys sorted. */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isPlainObject(v)) {
    const entries = Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${goSyntax(v[k])}`);
    return `map[string]interface {}{${entries.join(', ')}}`;
  }
  return String(v);
}

/** A JSON string as encoding/json writes it: HTML characters and U+2028/9 escaped too. */
function quoteJSON(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** json.Marshal of a decoded value: object keys sorted, no spaces. */
export function goJSON(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quoteJSON(v);
  if (Array.isArray(v)) return `[${v.map(goJSON).join(',')}]`;
  if (isPlainObject(v)) return `{${sortedKeys(v).map((k) => `${quoteJSON(k)}:${goJSON(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** %#v of a slice, telling nil (undefined) from empty: `[]T(nil)`, `[]T{a, b}`. */
export function goSlice<T>(type: string, items: readonly T[] | undefined, render: (item: T) => string): string {
  if (!items) return `[]${type}(nil)`;
  return `[]${type}{${items.map(render).join(', ')}}`;
}

/** %#v of a []byte: `[]byte{0x2d, 0x2d}`. */
export function goBytes(bytes: Uint8Array): string {
  return `[]byte{${Array.from(bytes, (b) => `0x${b.toString(16)}`).join(', ')}}`;
}

/** %#v of a []string, telling nil from empty. */
export function goStrings(values: readonly string[] | undefined): string {
  return goSlice('string', values, (s) => JSON.stringify(s));
}

/**
 * A printer of %#v pointers inside structs: `(*T)(nil)`, or a made-up address (the real ones
 * differ on every run), each one `step` past the last, starting after `start`.
 */
export function goPointers(start: number, step: number): (type: string, present: boolean) => string {
  let address = start;
  return (type, present) => {
    if (!present) return `(*${type})(nil)`;
    address += step;
    return `(*${type})(0x${address.toString(16)})`;
  };
}
