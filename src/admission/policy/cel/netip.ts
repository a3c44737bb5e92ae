// Go's net/netip address and prefix parsing and printing, with Go's error texts, for the IP and
// CIDR libraries: ParseAddr, ParsePrefix, Addr.String (RFC 5952) and the address classes.

/** strconv.Quote for the short ASCII-ish strings these errors show. */
export function goQuote(s: string): string {
  const escapes: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0) ?? 0;
    if (escapes[c]) out += escapes[c];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `"${out}"`;
}

class NetipError extends Error {}

function addrError(input: string, msg: string, at?: string): NetipError {
  return new NetipError(`ParseAddr(${goQuote(input)}): ${msg}${at ? ` (at ${goQuote(at)})` : ''}`);
}

/** A netip.Addr: 4 or 16 bytes and an IPv6 zone. */
export class Addr {
  readonly bytes: Uint8Array;
  readonly zone: string;
  constructor(bytes: Uint8Array, zone = '') {
    this.bytes = bytes;
    this.zone = zone;
  }
  get is4(): boolean {
    return this.bytes.length === 4;
  }
  get is4In6(): boolean {
    return !this.is4 && this.bytes.slice(0, 10).every((b) => b === 0) && this.bytes[10] === 0xff && this.bytes[11] === 0xff;
  }
  group(i: number): number {
    return ((this.bytes[2 * i] ?? 0) << 8) | (this.bytes[2 * i + 1] ?? 0);
  }
  equals(other: Addr): boolean {
    return this.zone === other.zone && this.bytes.length === other.bytes.length && this.bytes.every((b, i) => b === other.bytes[i]);
  }
  toString(): string {
    const text = this.is4 ? this.bytes.join('.') : ipv6String(this);
    return this.zone ? `${text}%${this.zone}` : text;
  }
}

/** The `::` rule of Go (and RFC 5952): the first longest run of two or more zero groups. */
function ipv6String(a: Addr): string {
  let zeroStart = -1;
  let zeroLen = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && a.group(j) === 0) j++;
    if (j - i > zeroLen) [zeroStart, zeroLen] = [i, j - i];
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === zeroStart) {
      out += '::';
      i += zeroLen - 1;
      continue;
    }
    if (i > 0 && !out.endsWith(':')) out += ':';
    out += a.group(i).toString(16);
  }
  return out;
}

/** parseIPv4Fields: the dotted quad in[off:end] into four bytes. */
function parseIPv4Fields(input: string, off: number, end: number, into: Uint8Array, at: number): void {
  const s = input.slice(off, end);
  let val = 0;
  let pos = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c >= '0' && c <= '9') {
      if (digits === 1 && val === 0) throw addrError(input, 'IPv4 field has octet with leading zero');
      val = val * 10 + Number(c);
      digits++;
      if (val > 255) throw addrError(input, 'IPv4 field has value >255');
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') throw addrError(input, 'IPv4 field must have at least one digit', s.slice(i));
      if (pos === 3) throw addrError(input, 'IPv4 address too long');
      into[at + pos++] = val;
      val = 0;
      digits = 0;
    } else {
      throw addrError(input, 'unexpected character', s.slice(i));
    }
  }
  if (pos < 3) throw addrError(input, 'IPv4 address too short');
  into[at + 3] = val;
}

/** One hex field at the start of s: its value and length. */
function hexField(input: string, s: string): { value: number; length: number } {
  let value = 0;
  let length = 0;
  for (; length < s.length; length++) {
    const digit = parseInt(s[length] ?? '', 16);
    if (Number.isNaN(digit)) break;
    value = value * 16 + digit;
    if (length > 3) throw addrError(input, 'each colon-separated field must have at most 4 hex digits', s);
    if (value > 0xffff) throw addrError(input, 'IPv6 field has value >=2^16', s);
  }
  if (length === 0) throw addrError(input, 'each colon-separated field must have at least one digit', s);
  return { value, length };
}

function parseIPv6(input: string): Addr {
  let s = input;
  let zone = '';
  const percent = s.indexOf('%');
  if (percent >= 0) {
    [s, zone] = [s.slice(0, percent), s.slice(percent + 1)];
    if (!zone) throw addrError(input, 'zone must be a non-empty string');
  }
  const ip = new Uint8Array(16);
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (!s) return new Addr(ip, zone);
  }
  let i = 0;
  while (i < 16) {
    const { value, length } = hexField(input, s);
    if (s[length] === '.') {
      if (ellipsis < 0 && i !== 12) throw addrError(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      if (i + 4 > 16) throw addrError(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      const end = input.length - (zone ? zone.length + 1 : 0);
      parseIPv4Fields(input, end - s.length, end, ip, i);
      s = '';
      i += 4;
      break;
    }
    ip[i] = value >> 8;
    ip[i + 1] = value & 0xff;
    i += 2;
    s = s.slice(length);
    if (!s) break;
    if (s[0] !== ':') throw addrError(input, 'unexpected character, want colon', s);
    if (s.length === 1) throw addrError(input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) throw addrError(input, 'multiple :: in address', s);
      ellipsis = i;
      s = s.slice(1);
      if (!s) break;
    }
  }
  if (s) throw addrError(input, 'trailing garbage after address', s);
  if (i < 16) {
    if (ellipsis < 0) throw addrError(input, 'address string too short');
    const n = 16 - i;
    ip.copyWithin(ellipsis + n, ellipsis, i);
    ip.fill(0, ellipsis, ellipsis + n);
  } else if (ellipsis >= 0) {
    throw addrError(input, 'the :: must expand to at least one field of zeros', s);
  }
  return new Addr(ip, zone);
}

/** netip.ParseAddr. */
export function parseAddr(s: string): Addr {
  for (const c of s) {
    if (c === '.') {
      const ip = new Uint8Array(4);
      parseIPv4Fields(s, 0, s.length, ip, 0);
      return new Addr(ip);
    }
    if (c === ':') return parseIPv6(s);
    if (c === '%') throw addrError(s, 'missing IPv6 address');
  }
  throw addrError(s, 'unable to parse IP');
}

/** A netip.Prefix. */
export class Prefix {
  readonly addr: Addr;
  readonly bits: number;
  constructor(addr: Addr, bits: number) {
    this.addr = addr;
    this.bits = bits;
  }
  /** The prefix with the bits after its length zeroed. */
  masked(): Prefix {
    const bytes = this.addr.bytes.map((b, i) => {
      const keep = Math.min(8, Math.max(0, this.bits - 8 * i));
      return b & ((0xff << (8 - keep)) & 0xff);
    });
    return new Prefix(new Addr(bytes), this.bits);
  }
  contains(ip: Addr): boolean {
    if (ip.zone || ip.is4 !== this.addr.is4) return false;
    return new Prefix(ip, this.bits).masked().addr.equals(this.masked().addr);
  }
  equals(other: Prefix): boolean {
    return this.bits === other.bits && this.addr.equals(other.addr);
  }
  toString(): string {
    return `${this.addr.toString()}/${this.bits}`;
  }
}

/** netip.ParsePrefix. */
export function parsePrefix(s: string): Prefix {
  const fail = (msg: string): NetipError => new NetipError(`netip.ParsePrefix(${goQuote(s)}): ${msg}`);
  const slash = s.lastIndexOf('/');
  if (slash < 0) throw fail("no '/'");
  let addr: Addr;
  try {
    addr = parseAddr(s.slice(0, slash));
  } catch (err) {
    throw fail(err instanceof Error ? err.message : String(err));
  }
  if (!addr.is4 && addr.zone) throw fail('IPv6 zones cannot be present in a prefix');
  const bitsText = s.slice(slash + 1);
  // strconv.Atoi without sign or leading zeros, and within int64
  if (!/^(0|[1-9][0-9]*)$/.test(bitsText) || BigInt(bitsText) >= 2n ** 63n) throw fail(`bad bits after slash: ${goQuote(bitsText)}`);
  const bits = Number(bitsText);
  if (bits > (addr.is4 ? 32 : 128)) throw fail('prefix length out of range');
  return new Prefix(addr, bits);
}
