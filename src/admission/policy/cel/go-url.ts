// Go's url.ParseRequestURI, for its error texts: the format library's `uri` reports them as they
// are (`parse "x": invalid URI for request`).
import { goQuote } from './netip.js';

const SCHEME_CHAR = /[a-zA-Z0-9+.-]/;
/** Host characters Go accepts unescaped besides letters and digits. */
const HOST_PUNCTUATION = new Set("!$&'()*+,;=:[]<>\"-_.~");

/** getScheme: the scheme and the rest; a leading ':' is an error. */
function splitScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (/[a-zA-Z]/.test(c)) continue;
    if (c === ':') {
      if (i === 0) throw new Error('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    if (!SCHEME_CHAR.test(c) || i === 0) return ['', raw];
  }
  return ['', raw];
}

/** The first bad percent escape of `s` (`invalid URL escape "%zz"`), or of a host character. */
function checkEscapes(s: string, host: boolean): void {
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '%') {
      const escape = s.slice(i, i + 3);
      if (!/^%[0-9a-fA-F]{2}$/.test(escape)) throw new Error(`invalid URL escape ${goQuote(escape)}`);
      i += 2;
    } else if (host && c.charCodeAt(0) < 0x80 && !/[a-zA-Z0-9]/.test(c) && !HOST_PUNCTUATION.has(c)) {
      throw new Error(`invalid character ${goQuote(c)} in host name`);
    }
  }
}

function checkHost(host: string): void {
  let port = '';
  if (host.startsWith('[')) {
    const end = host.lastIndexOf(']');
    if (end < 0) throw new Error("missing ']' in host");
    port = host.slice(end + 1);
  } else if (host.includes(':')) {
    port = host.slice(host.lastIndexOf(':'));
  }
  if (port !== '' && !/^:[0-9]*$/.test(port)) throw new Error(`invalid port ${goQuote(port)} after host`);
  checkEscapes(host, true);
}

function checkAuthority(authority: string): void {
  const at = authority.lastIndexOf('@');
  if (at >= 0 && !/^[a-zA-Z0-9\-._:~!$&'()*+,;=%@]*$/.test(authority.slice(0, at))) throw new Error('net/url: invalid userinfo');
  checkHost(authority.slice(at + 1));
}

function check(raw: string): void {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new Error('net/url: invalid control character in URL');
  if (raw === '') throw new Error('empty url');
  if (raw === '*') return;
  const [scheme, afterScheme] = splitScheme(raw);
  let rest = afterScheme.endsWith('?') && afterScheme.indexOf('?') === afterScheme.length - 1 ? afterScheme.slice(0, -1) : afterScheme.split('?')[0] ?? '';
  if (!rest.startsWith('/')) {
    if (scheme !== '') return;
    throw new Error('invalid URI for request');
  }
  if (scheme !== '' && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    checkAuthority(slash < 0 ? rest.slice(2) : rest.slice(2, slash));
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  checkEscapes(rest, false);
}

/** The error url.ParseRequestURI returns for `raw`, or undefined when it parses. */
export function requestURIError(raw: string): string | undefined {
  try {
    check(raw);
    return undefined;
  } catch (err) {
    return `parse ${goQuote(raw)}: ${(err as Error).message}`;
  }
}
