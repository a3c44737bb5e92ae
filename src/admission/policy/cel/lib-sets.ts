// cel-go's ext.Sets (Kubernetes enables it from 1.29): sets.contains, sets.equivalent and
// sets.intersects over two lists of one element type, with CEL's equality (1 == 1.0).
import type { Environment } from '@marcbachmann/cel-js';
import { celEquals } from './compare.js';
import { registerNamespace } from './namespaces.js';

const has = (list: unknown[], value: unknown): boolean => list.some((v) => celEquals(v, value));

/** Whether every element of `sub` is in `list` (true for an empty `sub`). */
const contains = (list: unknown[], sub: unknown[]): boolean => sub.every((v) => has(list, v));

export function registerSets(env: Environment): void {
  const sets = registerNamespace(env, 'sets');
  env
    .registerFunction(`${sets}.contains(list<T>, list<T>): bool`, (_ns: unknown, list: unknown[], sub: unknown[]) => contains(list, sub))
    .registerFunction(`${sets}.equivalent(list<T>, list<T>): bool`, (_ns: unknown, a: unknown[], b: unknown[]) => contains(a, b) && contains(b, a))
    .registerFunction(`${sets}.intersects(list<T>, list<T>): bool`, (_ns: unknown, a: unknown[], b: unknown[]) => a.some((v) => has(b, v)));
}
