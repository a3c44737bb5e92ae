// Scalar decisions of yaml.v3's encoder: whether a string would resolve to another tag when read
// back plain (resolve), what libyaml's analyze_scalar allows for it, and the double-quoted escapes.

const RESOLVED_NOT_STRING = new Set([
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
const DATE = '\\d{4}-\\d{1,2}-\\d{1,2}';
const TIME = '\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d+)?';
const TIMESTAMP = new RegExp(`^${DATE}(?:[Tt]${TIME}(?:Z|[+-]\\d{2}:\\d{2})| ${TIME})?$`);
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

function fitsInt64OrUint64(text: string): boolean {
  const negative = text.startsWith('-');
  let digits = text.replace(/^[-+]/, '');
  if (/^0[0-7]/.test(digits)) digits = `0o${digits.slice(1)}`;
  const n = BigInt(digits.replace(/^0[oO]/, '0o')) * (negative ? -1n : 1n);
  return n >= INT64_MIN && n <= UINT64_MAX;
}

/** True when yaml.v3's resolve() reads `value`, written plain, back as a string. */
export function resolvesAsString(value: string): boolean {
  if (RESOLVED_NOT_STRING.has(value)) return false;
  const first = value[0];
  if (first === '.') return !DOT_FLOAT.test(value);
  if (!/[-+0-9]/.test(first)) return true;
  if (TIMESTAMP.test(value)) return false;
  const plain = value.replaceAll('_', '');
  if (GO_INT.test(plain) && fitsInt64OrUint64(plain)) return false;
  return !(YAML_FLOAT.test(plain) && Number.isFinite(Number(plain)));
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;

/** libyaml's is_printable, on code points. */
function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

function indicatorFlags(cps: number[]): boolean {
  const text = String.fromCodePoint(...cps.slice(0, 3));
  let block = cps.length >= 3 && (text === '---' || text === '...');
  let precededByWhitespace = true;
  cps.forEach((c, i) => {
    const ch = String.fromCodePoint(c);
    const followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) block = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) block = true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) block = true;
    precededByWhitespace = isBlank(c) || isBreak(c) || c === 0;
  });
  return block;
}

/** libyaml's analyze_scalar, reduced to the block-context answers the emitter needs. */
export function analyzeScalar(value: string): ScalarAnalysis {
  if (value === '') return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const cps = [...value].map((ch) => ch.codePointAt(0)!);
  let special = false, lineBreaks = false, leading = false, trailing = false, trailingSpace = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  cps.forEach((c, i) => {
    if (!isPrintable(c)) special = true;
    const last = i === cps.length - 1;
    if (c === 0x20) {
      if (i === 0) leading = true;
      if (last) trailing = trailingSpace = true;
      if (previousBreak) breakSpace = true;
      [previousSpace, previousBreak] = [true, false];
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leading = true;
      if (last) trailing = true;
      if (previousSpace) spaceBreak = true;
      [previousSpace, previousBreak] = [false, true];
    } else [previousSpace, previousBreak] = [false, false];
  });
  const quotedOk = !breakSpace && !spaceBreak && !special;
  return {
    multiline: lineBreaks,
    blockPlainAllowed: quotedOk && !leading && !trailing && !lineBreaks && !indicatorFlags(cps),
    singleQuotedAllowed: quotedOk,
    blockAllowed: !trailingSpace && !spaceBreak && !special,
  };
}

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

/** The inside of libyaml's double-quoted scalar (no line wrapping: yaml.v3 sets no width). */
export function writeDoubleQuoted(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (isPrintable(c) && !isBreak(c) && c !== 0x22 && c !== 0x5c) {
      out += ch;
      continue;
    }
    const named = ESCAPES[c];
    if (named !== undefined) out += `\\${named}`;
    else if (c <= 0xff) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (c <= 0xffff) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += `\\U${c.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  return out;
}
