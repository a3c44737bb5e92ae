// The cel-go `ext.Strings` functions (version 2, as Kubernetes 1.29+ enables it) that the CEL
// package lacks: charAt, replace, format and strings.quote (indexOf, lowerAscii, split, substring,
// trim and join are built in; reverse is version 3, which Kubernetes 1.32 does not enable).
import type { Environment } from '@marcbachmann/cel-js';
import { registerNamespace } from './namespaces.js';
import { formatString } from './string-format.js';

const codePoints = (s: string): string[] => Array.from(s);

function replace(s: string, from: string, to: string, limit: bigint): string {
  if (limit < 0n) return s.split(from).join(to);
  let out = s;
  let start = 0;
  for (let n = 0n; n < limit; n++) {
    const at = out.indexOf(from, start);
    if (at < 0) break;
    out = out.slice(0, at) + to + out.slice(at + from.length);
    start = at + to.length;
  }
  return out;
}

const QUOTE_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"' };

/** strings.quote: a double-quoted CEL literal, invalid UTF-16 (lone surrogates) as U+FFFD. */
function quote(s: string): string {
  const lone = (c: string): boolean => c.length === 1 && c >= '\ud800' && c <= '\udfff';
  return `"${codePoints(s).map((c) => QUOTE_ESCAPES[c] ?? (lone(c) ? '\ufffd' : c)).join('')}"`;
}

export function registerStrings(env: Environment): void {
  env
    .registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
      const chars = codePoints(s);
      if (i < 0n || i > BigInt(chars.length)) throw new Error(`index out of range: ${i}`);
      return chars[Number(i)] ?? '';
    })
    .registerFunction('string.replace(string, string): string', (s: string, from: string, to: string) => replace(s, from, to, -1n))
    .registerFunction('string.replace(string, string, int): string', replace)
    .registerFunction('string.format(list<dyn>): string', formatString)
    .registerFunction(`${registerNamespace(env, 'strings')}.quote(string): string`, (_ns: unknown, s: string) => quote(s));
}
