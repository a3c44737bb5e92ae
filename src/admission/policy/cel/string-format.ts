// cel-go's `string.format(list)` (ext.Strings v1+, the formatter of cel-go v0.22 that Kubernetes
// 1.32 runs): %s, %d, %f and %e (doubles, en-US digit grouping), %b, %x, %X, %o and %%, with
// cel-go's error texts. `%.Ne` ignores N, as cel-go turns it into a width.
import { compareGoStrings, goFloat } from '../../../api/go-format.js';
import { CelLibraryError } from './library-error.js';
import { goQuote } from './netip.js';

const DEFAULT_PRECISION = 3;

class FormatError extends Error {}

const isUint = (v: unknown): v is { valueOf(): bigint } =>
  typeof v === 'object' && v !== null && v.constructor.name === 'UnsignedInt';
const isMap = (v: unknown): v is Record<string, unknown> | Map<unknown, unknown> =>
  v instanceof Map || (typeof v === 'object' && v !== null && (v.constructor === Object || v.constructor === undefined));

/** cel-go's name of a value's type, as its error texts print it. */
function typeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'double';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || v === undefined) return 'null_type';
  if (isUint(v)) return 'uint';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Uint8Array) return 'bytes';
  if (v instanceof Date) return 'google.protobuf.Timestamp';
  if (isMap(v)) return 'map';
  return v.constructor.name === 'Duration' ? 'google.protobuf.Duration' : v.constructor.name;
}

const integer = (v: unknown): bigint | undefined => (typeof v === 'bigint' ? v : isUint(v) ? v.valueOf() : undefined);
const timestamp = (d: Date): string => d.toISOString().replace('.000Z', 'Z');
const bytesText = (b: Uint8Array): string => Buffer.from(b).toString('utf8');
const clauseError = (what: string, v: unknown): FormatError => new FormatError(`${what}, was given ${typeName(v)}`);

/** The %s text of a value. */
function asString(v: unknown): string {
  const type = typeName(v);
  if (type === 'list') return formatList(v as unknown[]);
  if (type === 'map') return formatMap(v as Record<string, unknown>);
  if (type === 'int' || type === 'uint') return String(integer(v));
  if (type === 'double') return goFloat(v as number);
  if (type === 'bool' || type === 'string' || type === 'google.protobuf.Duration') return String(v);
  if (type === 'bytes') return bytesText(v as Uint8Array);
  if (type === 'google.protobuf.Timestamp') return timestamp(v as Date);
  if (type === 'null_type') return 'null';
  throw clauseError('string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps', v);
}

const special = (x: number): string | undefined => (Number.isNaN(x) ? 'NaN' : Number.isFinite(x) ? undefined : x > 0 ? '+Inf' : '-Inf');

/** A list or map member as a CEL literal (strings and bytes quoted, doubles with 3 decimals). */
function member(v: unknown): string {
  const type = typeName(v);
  if (type === 'string') return goQuote(v as string);
  if (type === 'bytes') return `b${goQuote(bytesText(v as Uint8Array))}`;
  if (type === 'double') {
    const x = v as number;
    const odd = special(x);
    return odd ? goQuote(odd) : x.toFixed(DEFAULT_PRECISION);
  }
  if (type === 'google.protobuf.Timestamp') return `timestamp(${goQuote(timestamp(v as Date))})`;
  if (type === 'google.protobuf.Duration') return `duration(${goQuote(String(v))})`;
  if (['int', 'uint', 'bool', 'null_type', 'list', 'map'].includes(type)) return asString(v);
  throw new FormatError(`no formatting function for ${type}`);
}

function formatList(list: unknown[]): string {
  return `[${list.map(member).join(', ')}]`;
}

function formatMap(map: Record<string, unknown> | Map<unknown, unknown>): string {
  const entries = map instanceof Map ? [...map.entries()] : Object.entries(map);
  const pairs = entries.map(([k, v]): [string, string] => {
    if (!['string', 'bool', 'int', 'uint'].includes(typeName(k))) throw new FormatError(`no formatting function for map key of type ${typeName(k)}`);
    return [member(k), member(v)];
  });
  pairs.sort((a, b) => compareGoStrings(a[0], b[0]));
  return `{${pairs.map(([k, v]) => `${k}:${v}`).join(', ')}}`;
}

/** A double for %f and %e: doubles, and the strings "NaN", "Infinity" and "-Infinity". */
function double(v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return Number(v);
  throw clauseError(`${what} clause can only be used on doubles`, v);
}

function fixed(x: number, precision: number): string {
  const odd = special(x);
  if (odd) return odd;
  const text = Math.abs(x) < 1e21 ? x.toFixed(precision) : `${BigInt(x)}${precision ? `.${'0'.repeat(precision)}` : ''}`;
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function scientific(x: number): string {
  const odd = special(x);
  if (odd) return odd;
  const [mantissa, exp = '0'] = x.toExponential(6).split('e');
  const e = Number(exp);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function hex(v: unknown, upper: boolean): string {
  const n = integer(v);
  let out: string;
  if (n !== undefined) out = n.toString(16);
  else if (typeof v === 'string' || v instanceof Uint8Array) out = Buffer.from(v).toString('hex');
  else throw clauseError('only integers, byte buffers, and strings can be formatted as hex', v);
  return upper ? out.toUpperCase() : out;
}

function radix(v: unknown, base: number, what: string): string {
  const n = integer(v);
  if (n !== undefined) return n.toString(base);
  if (base === 2 && typeof v === 'boolean') return v ? '1' : '0';
  throw clauseError(what, v);
}

type Clause = (v: unknown) => string;

function clause(verb: string, precision: number | undefined): Clause {
  switch (verb) {
    case 's': return asString;
    case 'd': return (v) => radix(v, 10, 'decimal clause can only be used on integers');
    case 'f': return (v) => fixed(double(v, 'fixed-point'), precision ?? DEFAULT_PRECISION);
    case 'e': return (v) => scientific(double(v, 'scientific'));
    case 'b': return (v) => radix(v, 2, 'only integers and bools can be formatted as binary');
    case 'x': case 'X': return (v) => hex(v, verb === 'X');
    case 'o': return (v) => radix(v, 8, 'octal clause can only be used on integers');
    default: throw new FormatError(`could not parse formatting clause: unrecognized formatting clause "${verb}"`);
  }
}

/** The clause starting after a '%' at `at`: its length and its formatter. */
function parseClause(text: string, at: number): [number, Clause] {
  let i = at;
  let precision: number | undefined;
  if (text[i] === '.') {
    const digits = /^[0-9]*/.exec(text.slice(i + 1))?.[0] ?? '';
    i += 1 + digits.length;
    if (i >= text.length) throw new FormatError('could not parse formatting clause: error while parsing precision: could not find end of precision specifier');
    if (!digits) throw new FormatError('could not parse formatting clause: error while parsing precision: error while converting precision to integer: strconv.Atoi: parsing "": invalid syntax');
    precision = Number(digits);
  }
  return [i + 1 - at, clause(text[i] ?? '', precision)];
}

function interpolate(text: string, args: unknown[]): string {
  let out = '';
  let argIndex = 0;
  for (let i = 0; i < text.length; ) {
    if (text[i] !== '%') out += text[i++];
    else if (text[i + 1] === '%') (out += '%'), (i += 2);
    else {
      if (argIndex >= args.length) throw new FormatError(`index ${argIndex} out of range`);
      if (i + 1 >= text.length) throw new FormatError('unexpected end of string');
      const [length, format] = parseClause(text, i + 1);
      try {
        out += format(args[argIndex]);
      } catch (err) {
        throw err instanceof FormatError ? new FormatError(`error during formatting: ${err.message}`) : err;
      }
      i += 1 + length;
      argIndex++;
    }
  }
  return out;
}

/** `text.format(args)`; throws cel-go's error text. */
export function formatString(text: string, args: unknown[]): string {
  try {
    return interpolate(text, args);
  } catch (err) {
    throw err instanceof FormatError ? new CelLibraryError(err.message) : err;
  }
}
