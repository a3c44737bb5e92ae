// What Go's decoding of a CRD does below the schema types with their own UnmarshalJSON
// (apiextensions/v1 marshal.go), where the kind's OpenAPI document says nothing: `items` is a
// schema for `{…}`, a list of schemas for `[…]` and nothing for anything else; `additionalProperties`
// and `additionalItems` take a schema or a boolean, else "boolean or JSON schema expected";
// `dependencies` values take a schema or a list of strings, else nothing. The schemas inside are
// decoded by encoding/json afresh, so a wrongly typed keyword there is named from that schema
// (`Go struct field JSONSchemaProps.enum of type []v1.JSON`), or, when it lies below a further such
// type, by the field holding that one (`JSONSchemaProps.items`). An `items` that decodes to nothing
// is dropped (Go keeps an empty value that encodes as null).
import { isPlainObject } from '../../api/types.js';

type GoType =
  | { kind: 'string' | 'bool' | 'int64' | 'float64' | 'json'; go: string }
  | { kind: 'slice'; go: string; of: GoType }
  | { kind: 'map'; go: string; of: GoType }
  | { kind: 'struct'; go: string; name: string; fields: () => Record<string, GoType> }
  | { kind: 'schemaOrArray' | 'schemaOrBool' | 'schemaOrStrings'; go: string };

const STRING: GoType = { kind: 'string', go: 'string' };
const BOOL: GoType = { kind: 'bool', go: 'bool' };
const INT64: GoType = { kind: 'int64', go: 'int64' };
const FLOAT64: GoType = { kind: 'float64', go: 'float64' };
const JSON_VALUE: GoType = { kind: 'json', go: 'v1.JSON' };
const OR_ARRAY: GoType = { kind: 'schemaOrArray', go: 'v1.JSONSchemaPropsOrArray' };
const OR_BOOL: GoType = { kind: 'schemaOrBool', go: 'v1.JSONSchemaPropsOrBool' };
const OR_STRINGS: GoType = { kind: 'schemaOrStrings', go: 'v1.JSONSchemaPropsOrStringArray' };

const VALIDATION_RULE: GoType = {
  kind: 'struct',
  go: 'v1.ValidationRule',
  name: 'ValidationRule',
  fields: () => ({ rule: STRING, message: STRING, messageExpression: STRING, reason: { kind: 'string', go: 'v1.FieldValueErrorReason' }, fieldPath: STRING, optionalOldSelf: BOOL }),
};
const EXTERNAL_DOCS: GoType = { kind: 'struct', go: 'v1.ExternalDocumentation', name: 'ExternalDocumentation', fields: () => ({ description: STRING, url: STRING }) };

const SCHEMA: GoType = { kind: 'struct', go: 'v1.JSONSchemaProps', name: 'JSONSchemaProps', fields: () => SCHEMA_FIELDS };
const SCHEMAS: GoType = { kind: 'slice', go: '[]v1.JSONSchemaProps', of: SCHEMA };
const SCHEMA_MAP: GoType = { kind: 'map', go: 'map[string]v1.JSONSchemaProps', of: SCHEMA };

const SCHEMA_FIELDS: Record<string, GoType> = {
  id: STRING, $schema: STRING, $ref: STRING, description: STRING, type: STRING, format: STRING, title: STRING,
  default: JSON_VALUE, maximum: FLOAT64, exclusiveMaximum: BOOL, minimum: FLOAT64, exclusiveMinimum: BOOL,
  maxLength: INT64, minLength: INT64, pattern: STRING, maxItems: INT64, minItems: INT64, uniqueItems: BOOL,
  multipleOf: FLOAT64, enum: { kind: 'slice', go: '[]v1.JSON', of: JSON_VALUE }, maxProperties: INT64, minProperties: INT64,
  required: { kind: 'slice', go: '[]string', of: STRING }, items: OR_ARRAY, allOf: SCHEMAS, oneOf: SCHEMAS, anyOf: SCHEMAS,
  not: SCHEMA, properties: SCHEMA_MAP, additionalProperties: OR_BOOL, patternProperties: SCHEMA_MAP,
  dependencies: { kind: 'map', go: 'v1.JSONSchemaDependencies', of: OR_STRINGS }, additionalItems: OR_BOOL,
  definitions: { kind: 'map', go: 'v1.JSONSchemaDefinitions', of: SCHEMA }, externalDocs: EXTERNAL_DOCS, example: JSON_VALUE,
  nullable: BOOL, 'x-kubernetes-preserve-unknown-fields': BOOL, 'x-kubernetes-embedded-resource': BOOL,
  'x-kubernetes-int-or-string': BOOL, 'x-kubernetes-list-map-keys': { kind: 'slice', go: '[]string', of: STRING },
  'x-kubernetes-list-type': STRING, 'x-kubernetes-map-type': STRING,
  'x-kubernetes-validations': { kind: 'slice', go: 'v1.ValidationRules', of: VALIDATION_RULE },
};

/** A json.UnmarshalTypeError: `json: cannot unmarshal <value> into Go struct field <struct>.<field> of type <go>`. */
interface UnmarshalTypeError {
  value: string;
  go: string;
  struct?: string;
  field: string;
}

function typeErrorText(e: UnmarshalTypeError): string {
  const into = e.struct ? `Go struct field ${e.struct}.${e.field}` : 'Go value';
  return `json: cannot unmarshal ${e.value} into ${into} of type ${e.go}`;
}

/** An UnmarshalJSON's error: it ends the decoding at once, where type errors are kept and decoding goes on. */
class Aborted extends Error {
  constructor(
    message: string,
    readonly typeError?: UnmarshalTypeError,
  ) {
    super(message);
  }
}

interface Context {
  struct?: string;
  fields: string[];
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (isPlainObject(v)) return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

const isWrapper = (t: GoType): boolean => t.kind === 'schemaOrArray' || t.kind === 'schemaOrBool' || t.kind === 'schemaOrStrings';

/** `{…}` and non-empty `[…]` decode to something; anything else leaves the type empty, encoded as null. */
const decodesToNothing = (v: unknown, t: GoType): boolean => t.kind === 'schemaOrArray' && !isPlainObject(v) && !(Array.isArray(v) && v.length > 0);

/**
 * One decoder's pass (the kind's own, `outer`, or encoding/json's inside an UnmarshalJSON): the
 * first type error is kept; an inner UnmarshalJSON's type error is renamed after this decoder's
 * position, unless this is the outer decoder (sigs.k8s.io/json does not know encoding/json's
 * error type). A struct field that decodes to nothing (`items: 0`) is dropped.
 */
class Decoding {
  saved?: UnmarshalTypeError;

  constructor(readonly outer: boolean) {}

  value(v: unknown, t: GoType, ctx: Context): void {
    if (v === null || t.kind === 'json') return;
    if (isWrapper(t)) return this.#wrapped(v, t, ctx);
    if (t.kind === 'struct' || t.kind === 'map') return this.#members(v, t, ctx);
    if (t.kind === 'slice') return Array.isArray(v) ? v.forEach((item) => this.value(item, t.of, ctx)) : this.#save(jsonKind(v), t, ctx);
    const ok = t.kind === 'string' ? typeof v === 'string' : t.kind === 'bool' ? typeof v === 'boolean' : typeof v === 'number';
    if (!ok) this.#save(jsonKind(v), t, ctx);
    else if (t.kind === 'int64' && !Number.isSafeInteger(v)) this.#save(`number ${String(v)}`, t, ctx);
  }

  #save(value: string, t: GoType, ctx: Context): void {
    this.saved ??= { value, go: t.go, struct: ctx.struct, field: ctx.fields.join('.') };
  }

  #members(v: unknown, t: Extract<GoType, { kind: 'struct' | 'map' }>, ctx: Context): void {
    if (!isPlainObject(v)) return this.#save(jsonKind(v), t, ctx);
    const fields = t.kind === 'struct' ? t.fields() : {};
    for (const [k, item] of Object.entries(v)) {
      const member = t.kind === 'map' ? t.of : Object.hasOwn(fields, k) ? fields[k] : undefined;
      if (!member) continue;
      this.value(item, member, t.kind === 'struct' ? { struct: t.name, fields: [...ctx.fields, k] } : ctx);
      if (t.kind === 'struct' && decodesToNothing(item, member)) delete v[k];
    }
  }

  #wrapped(v: unknown, t: GoType, ctx: Context): void {
    try {
      if (isPlainObject(v)) return unmarshal(v, SCHEMA);
      if (t.kind === 'schemaOrBool' && typeof v !== 'boolean') throw new Aborted('boolean or JSON schema expected');
      if (Array.isArray(v) && t.kind !== 'schemaOrBool') unmarshal(v, t.kind === 'schemaOrArray' ? SCHEMAS : { kind: 'slice', go: '[]string', of: STRING });
    } catch (err) {
      if (this.outer || !(err instanceof Aborted) || !err.typeError) throw err;
      const renamed = { ...err.typeError, struct: ctx.struct, field: ctx.fields.join('.') };
      throw new Aborted(typeErrorText(renamed), renamed);
    }
  }
}

/** json.Unmarshal from a fresh decoder, as an UnmarshalJSON calls it. */
function unmarshal(v: unknown, t: GoType): void {
  const decoding = new Decoding(false);
  decoding.value(v, t, { fields: [] });
  if (decoding.saved) throw new Aborted(typeErrorText(decoding.saved), decoding.saved);
}

/**
 * Decodes a version's openAPIV3Schema (its place in the CRD given as the struct fields on the way)
 * as kube-apiserver's decoder does, in place: returns the decode error's text, if any.
 */
export function decodeSchemaProps(schema: unknown, fields: readonly string[]): string | undefined {
  const decoding = new Decoding(true);
  try {
    decoding.value(schema, SCHEMA, { struct: 'CustomResourceValidation', fields: [...fields] });
  } catch (err) {
    if (err instanceof Aborted) return err.message;
    throw err;
  }
  return decoding.saved && typeErrorText(decoding.saved);
}
