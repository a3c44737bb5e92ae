// The structural-schema invariants (apiextensions-apiserver schema.ValidateStructural): every
// specified field has a type, logic junctors (allOf/anyOf/oneOf/not) only restrict values and
// name no field the structure does not declare, metadata is only restricted at the root and only
// in name and generateName, embedded resources are objects. Kubernetes sorts these errors.
import type { FieldError } from '../../api/field-errors.js';
import { fieldErrorString, forbidden, invalid, required } from '../../api/field-errors.js';
import type { CRDSchema } from './schema.js';
import { additionalSchema } from './schema.js';

type Level = 'root' | 'item' | 'field';

const TYPE_REQUIRED: Record<Level, string> = {
  root: 'must not be empty at the root',
  item: 'must not be empty for specified array items',
  field: 'must not be empty for specified object fields',
};

const prop = (path: string, name: string): string => `${path}.properties[${name}]`;

/** `anyOf: [{type: integer}, {type: string}]` exactly: the int-or-string shape. */
function isIntOrStringAnyOf(anyOf: CRDSchema[] | undefined): boolean {
  if (anyOf?.length !== 2) return false;
  return anyOf.every((s, i) => Object.keys(s).length === 1 && s.type === (i === 0 ? 'integer' : 'string'));
}

/** What a schema nested under a junctor may not say (NestedValueValidation's forbidden parts). */
const NESTED_FORBIDDEN: [keyof CRDSchema, string][] = [
  ['type', 'must be empty to be structural'],
  ['default', 'must be undefined to be structural'],
  ['title', 'must be empty to be structural'],
  ['description', 'must be empty to be structural'],
  ['externalDocs', 'must be undefined to be structural'],
  ['x-kubernetes-list-map-keys', 'must be empty to be structural'],
  ['x-kubernetes-list-type', 'must be undefined to be structural'],
  ['x-kubernetes-map-type', 'must be undefined to be structural'],
  ['x-kubernetes-validations', 'must be empty to be structural'],
];
const NESTED_FALSE: (keyof CRDSchema)[] = ['nullable', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string'];

function nestedErrors(v: CRDSchema | undefined, path: string, skipAnyOf: boolean): FieldError[] {
  if (!v) return [];
  const errs = junctorErrors(v, path, skipAnyOf, false);
  if (v.items) errs.push(...nestedErrors(v.items, `${path}.items`, false));
  for (const [k, p] of Object.entries(v.properties ?? {})) errs.push(...nestedErrors(p, prop(path, k), false));
  for (const [k, detail] of NESTED_FORBIDDEN) {
    const value = v[k];
    if (value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) errs.push(forbidden(`${path}.${k}`, detail));
  }
  if (v.additionalProperties !== undefined) errs.push(forbidden(`${path}.additionalProperties`, 'must be undefined to be structural'));
  for (const k of NESTED_FALSE) if (v[k] === true) errs.push(forbidden(`${path}.${k}`, 'must be false to be structural'));
  if (v.properties && Object.hasOwn(v.properties, 'metadata')) errs.push(forbidden(prop(path, 'metadata'), 'must not be specified in a nested context'));
  return errs;
}

/** allOf/anyOf/oneOf/not of a node, and its pattern. */
function junctorErrors(s: CRDSchema, path: string, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!skipAnyOf) s.anyOf?.forEach((v, i) => errs.push(...nestedErrors(v, `${path}.anyOf[${i}]`, false)));
  s.allOf?.forEach((v, i) => errs.push(...nestedErrors(v, `${path}.allOf[${i}]`, skipFirstAllOfAnyOf && i === 0)));
  s.oneOf?.forEach((v, i) => errs.push(...nestedErrors(v, `${path}.oneOf[${i}]`, false)));
  errs.push(...nestedErrors(s.not, `${path}.not`, false));
  if (s.pattern) {
    try {
      new RegExp(s.pattern, 'u');
    } catch (err) {
      errs.push(invalid(`${path}.pattern`, s.pattern, `must be a valid regular expression, but isn't: ${(err as Error).message}`));
    }
  }
  return errs;
}

function typeErrors(s: CRDSchema, level: Level, path: string): FieldError[] {
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  const errs: FieldError[] = [];
  if (embedded && s.type !== 'object') {
    const detail = 'must be object if x-kubernetes-embedded-resource is true';
    errs.push(s.type ? invalid(`${path}.type`, s.type, detail) : required(`${path}.type`, detail));
  } else if (!s.type && !s['x-kubernetes-int-or-string'] && !s['x-kubernetes-preserve-unknown-fields']) {
    errs.push(required(`${path}.type`, TYPE_REQUIRED[level]));
  }
  if (embedded && s.additionalProperties !== undefined) {
    errs.push(forbidden(`${path}.additionalProperties`, 'must not be used if x-kubernetes-embedded-resource is set'));
  }
  if (level === 'root' && s.type && s.type !== 'object') errs.push(invalid(`${path}.type`, s.type, 'must be object at the root'));
  if (s['x-kubernetes-int-or-string'] && s['x-kubernetes-preserve-unknown-fields']) {
    errs.push(invalid(`${path}.x-kubernetes-preserve-unknown-fields`, true, 'must be false if x-kubernetes-int-or-string is true'));
  }
  if (s['x-kubernetes-int-or-string'] && embedded) {
    errs.push(invalid(`${path}.x-kubernetes-embedded-resource`, true, 'must be false if x-kubernetes-int-or-string is true'));
  }
  return errs;
}

/** Root metadata may restrict name and generateName only; nested metadata only as an object. */
function metadataErrors(s: CRDSchema, level: Level, path: string): FieldError[] {
  const checkMeta = level === 'root' || s['x-kubernetes-embedded-resource'] === true;
  const errs: FieldError[] = [];
  for (const name of ['kind', 'apiVersion']) {
    const p = s.properties?.[name];
    if (checkMeta && p && Object.hasOwn(s.properties ?? {}, name) && p.type !== 'string') {
      errs.push(invalid(`${prop(path, name)}.type`, p.type ?? '', 'must be string'));
    }
  }
  const meta = s.properties && Object.hasOwn(s.properties, 'metadata') ? s.properties.metadata : undefined;
  if (!meta) return errs;
  if (checkMeta && meta.type !== 'object') errs.push(invalid(`${prop(path, 'metadata')}.type`, meta.type ?? '', 'must be object'));
  if (level !== 'root') return errs;
  const { type: _t, default: _d, properties, ...rest } = meta;
  const names = Object.keys(properties ?? {});
  const onlyNames = names.every((n) => n === 'name' || n === 'generateName');
  if (!onlyNames || Object.keys(rest).length) {
    errs.push(forbidden(prop(path, 'metadata'), 'must not specify anything other than name and generateName, but metadata is implicitly specified'));
  }
  return errs;
}

function invariants(s: CRDSchema | undefined, level: Level, path: string): FieldError[] {
  if (!s) return [];
  const errs: FieldError[] = [];
  if (s.type === 'array' && !s.items) errs.push(required(`${path}.items`, 'must be specified'));
  errs.push(...invariants(s.items, 'item', `${path}.items`));
  for (const [k, p] of Object.entries(s.properties ?? {})) errs.push(...invariants(p, 'field', prop(path, k)));
  if (s.additionalProperties !== undefined && level === 'root') errs.push(forbidden(`${path}.additionalProperties`, 'must not be used at the root'));
  errs.push(...invariants(additionalSchema(s), 'field', `${path}.additionalProperties`));
  errs.push(...junctorErrors(s, path, isIntOrStringAnyOf(s.anyOf), isIntOrStringAnyOf(s.allOf?.[0]?.anyOf)));
  errs.push(...typeErrors(s, level, path), ...metadataErrors(s, level, path));
  if (s['x-kubernetes-embedded-resource'] && !s['x-kubernetes-preserve-unknown-fields'] && !Object.keys(s.properties ?? {}).length) {
    errs.push(required(`${path}.properties`, 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields'));
  }
  return errs;
}

/** Fields and items named under junctors must be declared by the structure too (completeness). */
function completeness(v: CRDSchema | undefined, s: CRDSchema | undefined, sPath: string, vPath: string): FieldError[] {
  if (!v) return [];
  if (!s) return [required(sPath, `because it is defined in ${vPath}`)];
  const errs: FieldError[] = [];
  errs.push(...completeness(v.not, s, sPath, `${vPath}.not`));
  for (const junctor of ['allOf', 'anyOf', 'oneOf'] as const) {
    v[junctor]?.forEach((n, i) => errs.push(...completeness(n, s, sPath, `${vPath}.${junctor}[${i}]`)));
  }
  if (vPath === sPath) return errs;
  errs.push(...completeness(v.items, s.items, `${sPath}.items`, `${vPath}.items`));
  for (const [k, p] of Object.entries(v.properties ?? {})) {
    const sp = s.properties && Object.hasOwn(s.properties, k) ? s.properties[k] : undefined;
    if (!sp) errs.push(required(prop(sPath, k), `because it is defined in ${prop(vPath, k)}`));
    else errs.push(...completeness(p, sp, prop(sPath, k), prop(vPath, k)));
  }
  return errs;
}

/** ValidateStructural's errors for a schema at `path`, sorted by their text as Kubernetes sorts them. */
export function structuralInvariantErrors(schema: CRDSchema, path: string): FieldError[] {
  const errs = [...invariants(schema, 'root', path), ...completeness(schema, schema, path, path)];
  return errs.sort((a, b) => (fieldErrorString(a) < fieldErrorString(b) ? -1 : fieldErrorString(a) > fieldErrorString(b) ? 1 : 0));
}
