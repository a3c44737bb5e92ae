// The cel-go `ext.Strings` functions Kubernetes enables that the CEL package lacks: charAt,
// replace and reverse (indexOf, lowerAscii, split, substring, trim and join are built in).
import type { Environment } from '@marcbachmann/cel-js';

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

export function registerStrings(env: Environment): void {
  env
    .registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
      const chars = codePoints(s);
      if (i < 0n || i > BigInt(chars.length)) throw new Error(`index out of range: ${i}`);
      return chars[Number(i)] ?? '';
    })
    .registerFunction('string.replace(string, string): string', (s: string, from: string, to: string) => replace(s, from, to, -1n))
    .registerFunction('string.replace(string, string, int): string', replace)
    .registerFunction('string.reverse(): string', (s: string) => codePoints(s).reverse().join(''));
}
