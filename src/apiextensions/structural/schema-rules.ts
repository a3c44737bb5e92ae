// The per-node rules CRD validation applies to an openAPIV3Schema before the structural ones
// (apiextensions validation.ValidateCustomResourceDefinitionOpenAPISchema and its v3 spec
// validator): unsupported JSON-Schema keywords, list and map type extensions, list-map keys,
// x-kubernetes-validations entries, defaults in the root's apiVersion/kind/metadata.
import type { FieldError } from '../../api/field-errors.js';
import { forbidden, invalid, notSupported, required } from '../../api/field-errors.js';
import type { CRDSchema } from './schema.js';
import { additionalSchema } from './schema.js';

const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const UNSUPPORTED: [string, string][] = [
  ['id', 'id is not supported'],
  ['additionalItems', 'additionalItems is not supported'],
  ['patternProperties', 'patternProperties is not supported'],
  ['definitions', 'definitions is not supported'],
  ['dependencies', 'dependencies is not supported'],
  ['$ref', '$ref is not supported'],
];

/** Keywords and shapes a CRD schema node may not use (specStandardValidatorV3.validate). */
function keywordErrors(s: CRDSchema, path: string, noDefaults: string | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (s.type && !TYPES.includes(s.type)) errs.push(notSupported(`${path}.type`, s.type, TYPES));
  if (s.default !== undefined && noDefaults !== undefined) errs.push(forbidden(`${path}.default`, `must not be set ${noDefaults}`));
  for (const [k, detail] of UNSUPPORTED) if (s[k] !== undefined && s[k] !== '') errs.push(forbidden(`${path}.${k}`, detail));
  if (s.type === 'null') errs.push(forbidden(`${path}.type`, 'type cannot be set to null, use nullable as an alternative'));
  if (Array.isArray(s.items)) errs.push(forbidden(`${path}.items`, 'items must be a schema object and not an array'));
  if (s.uniqueItems) errs.push(forbidden(`${path}.uniqueItems`, 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic'));
  if (s.additionalProperties !== undefined && s.additionalProperties !== true && Object.keys(s.properties ?? {}).length) {
    errs.push(forbidden(`${path}.additionalProperties`, 'additionalProperties and properties are mutual exclusive'));
  }
  if (s['x-kubernetes-preserve-unknown-fields'] === false) errs.push(invalid(`${path}.x-kubernetes-preserve-unknown-fields`, false, 'must be true or undefined'));
  return errs;
}

function typeRequirement(s: CRDSchema, path: string, type: string, detail: string): FieldError[] {
  if (s.type === type) return [];
  return [s.type ? invalid(`${path}.type`, s.type, detail) : required(`${path}.type`, detail)];
}

function mapTypeErrors(s: CRDSchema, path: string): FieldError[] {
  const mapType = s['x-kubernetes-map-type'];
  if (mapType === undefined) return [];
  const errs = typeRequirement(s, path, 'object', 'must be object if x-kubernetes-map-type is specified');
  if (mapType !== 'atomic' && mapType !== 'granular') errs.push(notSupported(`${path}.x-kubernetes-map-type`, mapType, ['atomic', 'granular']));
  return errs;
}

function listMapKeyErrors(s: CRDSchema, path: string): FieldError[] {
  const keys = s['x-kubernetes-list-map-keys'] ?? [];
  const items = s.items;
  const errs: FieldError[] = [];
  if (!keys.length) errs.push(required(`${path}.x-kubernetes-list-map-keys`, 'must not be empty if x-kubernetes-list-type is map'));
  if (!items) return [...errs, required(`${path}.items`, 'must have a schema if x-kubernetes-list-type is map')];
  if (items.type !== 'object') return [...errs, invalid(`${path}.items.type`, items.type ?? '', "must be object if parent array's x-kubernetes-list-type is map")];
  const seen = new Set<string>();
  for (const k of keys) {
    const p = items.properties && Object.hasOwn(items.properties, k) ? items.properties[k] : undefined;
    if (!p) errs.push(invalid(`${path}.x-kubernetes-list-map-keys`, keys, 'entries must all be names of item properties'));
    else if (p.type === 'array' || p.type === 'object') {
      errs.push(invalid(`${path}.items.properties[${k}].type`, items.type, "must be a scalar type if parent array's x-kubernetes-list-type is map"));
    }
    if (seen.has(k)) errs.push(invalid(`${path}.x-kubernetes-list-map-keys`, keys, 'must not contain duplicate entries'));
    seen.add(k);
  }
  return errs;
}

/** Set and map list items may not be nullable; map keys must be required or defaulted, and not nullable. */
function listItemErrors(s: CRDSchema, path: string, listType: string): FieldError[] {
  const items = s.items;
  if (!items || Array.isArray(items)) return [];
  const errs: FieldError[] = [];
  if (items.nullable) errs.push(forbidden(`${path}.items.nullable`, `cannot be nullable when x-kubernetes-list-type is ${listType}`));
  if (listType !== 'map') return errs;
  for (const k of s['x-kubernetes-list-map-keys'] ?? []) {
    const p = items.properties && Object.hasOwn(items.properties, k) ? items.properties[k] : undefined;
    if (!p) continue;
    if (!items.required?.includes(k) && p.default === undefined) {
      errs.push(required(`${path}.items.properties[${k}].default`, 'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property'));
    }
    if (p.nullable) errs.push(forbidden(`${path}.items.properties[${k}].nullable`, 'this property is in x-kubernetes-list-map-keys, so it cannot be nullable'));
  }
  return errs;
}

function listTypeErrors(s: CRDSchema, path: string): FieldError[] {
  const listType = s['x-kubernetes-list-type'];
  const errs: FieldError[] = [];
  if (listType !== undefined) errs.push(...typeRequirement(s, path, 'array', 'must be array if x-kubernetes-list-type is specified'));
  if (listType !== undefined && !['atomic', 'set', 'map'].includes(listType)) {
    errs.push(notSupported(`${path}.x-kubernetes-list-type`, listType, ['atomic', 'set', 'map']));
  }
  if (s['x-kubernetes-list-map-keys']?.length && listType !== 'map') {
    const detail = 'must be map if x-kubernetes-list-map-keys is non-empty';
    errs.push(listType === undefined ? required(`${path}.x-kubernetes-list-type`, detail) : invalid(`${path}.x-kubernetes-list-type`, listType, detail));
  }
  if (listType === 'map') errs.push(...listMapKeyErrors(s, path));
  if (listType === 'set' || listType === 'map') errs.push(...listItemErrors(s, path, listType));
  return errs;
}

/** x-kubernetes-validations entries: a rule, a one-line message. */
function ruleEntryErrors(s: CRDSchema, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (s['x-kubernetes-validations'] ?? []).forEach((r, i) => {
    const at = `${path}.x-kubernetes-validations[${i}]`;
    const rule = (r.rule ?? '').trim();
    const message = (r.message ?? '').trim();
    if (!rule) errs.push(required(`${at}.rule`, 'rule is not specified'));
    else if (r.message && !message) errs.push(invalid(`${at}.message`, r.message, 'message must be non-empty if specified'));
    else if (/[\n\r]/.test(message)) errs.push(invalid(`${at}.message`, r.message, 'message must not contain line breaks'));
    else if (/[\n\r]/.test(rule) && !message) errs.push(required(`${at}.message`, 'message must be specified if rule contains line breaks'));
  });
  return errs;
}

/** The rules of one node and everything below it; `noDefaults` says why defaults are forbidden here. */
export function schemaRuleErrors(s: CRDSchema | undefined, path: string, isRoot: boolean, noDefaults?: string): FieldError[] {
  if (!s || typeof s !== 'object') return [];
  const errs = [...keywordErrors(s, path, noDefaults)];
  errs.push(...schemaRuleErrors(additionalSchema(s), `${path}.additionalProperties`, false, noDefaults));
  const embedded = isRoot || s['x-kubernetes-embedded-resource'] === true;
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    const meta = embedded && ['metadata', 'kind', 'apiVersion'].includes(k);
    errs.push(...schemaRuleErrors(p, `${path}.properties[${k}]`, false, isRoot && meta ? `in top-level ${k}` : noDefaults));
  }
  errs.push(...schemaRuleErrors(s.not, `${path}.not`, false, noDefaults));
  for (const junctor of ['allOf', 'oneOf', 'anyOf'] as const) {
    s[junctor]?.forEach((v, i) => errs.push(...schemaRuleErrors(v, `${path}.${junctor}[${i}]`, false, noDefaults)));
  }
  if (s.items && !Array.isArray(s.items)) errs.push(...schemaRuleErrors(s.items, `${path}.items`, false, noDefaults));
  errs.push(...mapTypeErrors(s, path), ...listTypeErrors(s, path), ...ruleEntryErrors(s, path));
  return errs;
}
