// jsonpath.UnquoteExtend: Go's strconv.Unquote for a string in double or single quotes, one
// strconv.UnquoteChar at a time (the quote that is not the delimiter may not be escaped).

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

class InvalidSyntax extends Error {
  constructor() {
    super('invalid syntax');
  }
}

function hexValue(s: string, from: number, digits: number): number {
  const text = s.slice(from, from + digits);
  if (text.length !== digits || !/^[0-9a-fA-F]+$/.test(text)) throw new InvalidSyntax();
  return parseInt(text, 16);
}

/** Appends the bytes of the character at `i` to `out` and returns the index after it. */
function unquoteChar(s: string, i: number, quote: string, out: number[]): number {
  const c = s[i];
  if (c === quote) throw new InvalidSyntax();
  if (c !== '\\') {
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    out.push(...Buffer.from(ch, 'utf8'));
    return i + ch.length;
  }
  const e = s[i + 1];
  if (e === undefined) throw new InvalidSyntax();
  if (e in SIMPLE_ESCAPES) {
    out.push(SIMPLE_ESCAPES[e]);
    return i + 2;
  }
  if (e === "'" || e === '"') {
    if (e !== quote) throw new InvalidSyntax();
    out.push(e.charCodeAt(0));
    return i + 2;
  }
  if (e === 'x') {
    out.push(hexValue(s, i + 2, 2));
    return i + 4;
  }
  if (e === 'u' || e === 'U') {
    const digits = e === 'u' ? 4 : 8;
    const rune = hexValue(s, i + 2, digits);
    if (rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff)) throw new InvalidSyntax();
    out.push(...Buffer.from(String.fromCodePoint(rune), 'utf8'));
    return i + 2 + digits;
  }
  const octal = s.slice(i + 1, i + 4);
  if (/^[0-7]{3}$/.test(octal) && parseInt(octal, 8) <= 255) {
    out.push(parseInt(octal, 8));
    return i + 4;
  }
  throw new InvalidSyntax();
}

/** Returns the unquoted text, or throws an Error whose message is Go's `invalid syntax`. */
export function unquoteExtend(s: string): string {
  const quote = s[0];
  if (s.length < 2 || s[s.length - 1] !== quote || (quote !== '"' && quote !== "'")) throw new InvalidSyntax();
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) i = unquoteChar(body, i, quote, bytes);
  return Buffer.from(bytes).toString('utf8');
}
