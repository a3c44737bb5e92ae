// Kubernetes' regex library (k8s.io/apiserver/pkg/cel/library/regex.go): find and findAll.
// Patterns are RE2 in Kubernetes; JavaScript's engine agrees on the syntax policies use.
import type { Environment } from '@marcbachmann/cel-js';

function findAll(s: string, pattern: string, limit: bigint): string[] {
  const found = [...s.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);
  return limit < 0n ? found : found.slice(0, Number(limit));
}

export function registerRegex(env: Environment): void {
  env
    .registerFunction('string.find(string): string', (s: string, pattern: string) => new RegExp(pattern).exec(s)?.[0] ?? '')
    .registerFunction('string.findAll(string): list<string>', (s: string, pattern: string) => findAll(s, pattern, -1n))
    .registerFunction('string.findAll(string, int): list<string>', findAll);
}
