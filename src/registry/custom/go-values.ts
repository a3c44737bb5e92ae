// JSON values as Go sees them once decoded into unstructured content (map[string]interface{},
// []interface{}, string, bool, int64 for whole numbers, float64 otherwise), and how Go prints
// them: fmt's %v and encoding/json.

/** A float64 that JavaScript would take for a whole number (a `1.0` written in a JSONPath). */
export class GoFloat {
  constructor(readonly value: number) {}
}

export type JSONMap = { [key: string]: unknown };

export const isMap = (v: unknown): v is JSONMap =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);

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

/** The Go type a value has in unstructured content, as `%v` of a reflect.Type prints it. */
export function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return isGoInt(v) ? 'int64' : 'float64';
}

/** strconv.FormatFloat(x, 'g', -1, 64), which is what %v prints for a float64. */
function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa, exponent] = x.toExponential().split('e');
  const exp = Number(exponent);
  if (exp >= -4 && exp < 6) return String(x);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** fmt.Sprint of a decoded value: `<nil>`, `true`, `3`, `1.5`, `1e+06`, `[a b]`, `map[k:v]`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoFloat) return formatFloat(v.value);
  if (typeof v === 'number') return isGoInt(v) ? String(v) : formatFloat(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  return String(v);
}

/** A JSON string as encoding/json writes it: HTML characters and U+2028/9 escaped too. */
function quoteGo(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** json.Marshal of a decoded value: object keys sorted, no spaces. */
export function goJSON(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quoteGo(v);
  if (v instanceof GoFloat) return JSON.stringify(v.value);
  if (Array.isArray(v)) return `[${v.map(goJSON).join(',')}]`;
  if (isMap(v)) return `{${sortedKeys(v).map((k) => `${quoteGo(k)}:${goJSON(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
