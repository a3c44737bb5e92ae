// Structural defaulting (apiextensions-apiserver schema/defaulting), in its two steps: first
// nulls are dropped where the schema is not nullable and has no default
// (PruneNonNullableNullsWithoutDefaults), then absent fields, and nulls the schema does not allow,
// get a deep copy of their schema's default (Default), recursing into properties,
// additionalProperties and items.
import { isPlainObject } from '../../api/types.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import type { CRDSchema } from './schema.js';
import { additionalSchema } from './schema.js';

/** The schema of a map entry: its property, else the additionalProperties schema. */
function entrySchema(s: CRDSchema | undefined, k: string): CRDSchema | undefined {
  if (s?.properties && Object.hasOwn(s.properties, k)) return s.properties[k];
  return additionalSchema(s);
}

const nonNullableNull = (x: unknown, s: CRDSchema | undefined): s is CRDSchema => x === null && s !== undefined && !s.nullable;

function pruneNulls(x: unknown, s: CRDSchema | undefined): void {
  if (Array.isArray(x)) {
    for (const v of x) pruneNulls(v, s?.items);
  } else if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      const sub = entrySchema(s, k);
      if (nonNullableNull(x[k], sub) && sub.default === undefined) delete x[k];
      else pruneNulls(x[k], sub);
    }
  }
}

const copyOf = (v: unknown): unknown => (v === undefined ? undefined : structuredClone(v));

function defaultMap(x: Record<string, unknown>, s: CRDSchema): void {
  for (const [k, prop] of Object.entries(s.properties ?? {})) {
    if (prop.default === undefined) continue;
    if (!Object.hasOwn(x, k) || nonNullableNull(x[k], prop)) x[k] = copyOf(prop.default);
  }
  const additional = additionalSchema(s);
  for (const k of Object.keys(x)) {
    if (s.properties && Object.hasOwn(s.properties, k)) applyDefaults(x[k], s.properties[k]);
    else if (additional) {
      if (nonNullableNull(x[k], additional) && additional.default !== undefined) x[k] = copyOf(additional.default);
      applyDefaults(x[k], additional);
    }
  }
}

function applyDefaults(x: unknown, s: CRDSchema | undefined): void {
  if (!s) return;
  if (isPlainObject(x)) defaultMap(x, s);
  else if (Array.isArray(x)) {
    const items = s.items;
    x.forEach((v, i) => {
      if (nonNullableNull(v, items) && items.default !== undefined) x[i] = copyOf(items.default);
      applyDefaults(x[i], items);
    });
  }
}

/** Drops non-nullable nulls without defaults, then fills in defaults, in place. */
export function applySchemaDefaults(schema: Schema, obj: unknown): void {
  pruneNulls(obj, schema as CRDSchema);
  applyDefaults(obj, schema as CRDSchema);
}
