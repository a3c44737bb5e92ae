// Per-kind semantic validation (k8s.io/kubernetes pkg/apis/*/validation): functions from a decoded,
// defaulted object to FieldErrors with Kubernetes' paths and messages, in Kubernetes' order, for
// the strategies' validate and validateUpdate. This file: typed reads of decoded JSON.
import { isPlainObject } from '../../api/types.js';

export type Obj = Record<string, unknown>;

export function obj(value: unknown): Obj | undefined {
  return isPlainObject(value) ? value : undefined;
}

export function list(value: unknown): Obj[] {
  return Array.isArray(value) ? value.map((item) => obj(item) ?? {}) : [];
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

export function stringMap(value: unknown): Record<string, string> | undefined {
  return obj(value) as Record<string, string> | undefined;
}
