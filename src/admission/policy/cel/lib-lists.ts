// Kubernetes' list library (k8s.io/apiserver/pkg/cel/library/lists.go): isSorted, sum, min, max,
// indexOf and lastIndexOf on lists of comparable values.
import type { Environment } from '@marcbachmann/cel-js';
import { celEquals, compareCel } from './compare.js';

function extreme(list: unknown[], sign: 1 | -1): unknown {
  if (!list.length) throw new Error('min/max of empty list');
  return list.reduce((best, v) => (compareCel(v, best) * sign > 0 ? v : best));
}

function sum(list: unknown[]): unknown {
  if (!list.length) return 0n;
  return list.reduce((total, v) => {
    if (typeof total === 'bigint' && typeof v === 'bigint') return total + v;
    return Number(total) + Number(v);
  });
}

export function registerLists(env: Environment): void {
  env
    .registerFunction('list.isSorted(): bool', (l: unknown[]) => l.every((v, i) => i === 0 || compareCel(l[i - 1], v) <= 0))
    .registerFunction('list.sum(): dyn', sum)
    .registerFunction('list.min(): dyn', (l: unknown[]) => extreme(l, -1))
    .registerFunction('list.max(): dyn', (l: unknown[]) => extreme(l, 1))
    .registerFunction('list.indexOf(dyn): int', (l: unknown[], v: unknown) => BigInt(l.findIndex((x) => celEquals(x, v))))
    .registerFunction('list.lastIndexOf(dyn): int', (l: unknown[], v: unknown) => BigInt(l.findLastIndex((x) => celEquals(x, v))));
}
