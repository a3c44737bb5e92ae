// The OpenAPI schema of a kind rewritten for ajv as the Go decoder sees it: objects with
// properties refuse unknown fields (unless x-kubernetes-preserve-unknown-fields), $refs point into
// a `definitions` block holding only what the kind reaches, and the types with their own
// UnmarshalJSON (IntOrString, Quantity, Time, RawExtension, FieldsV1) get what they accept.
import type { GroupVersionKind } from '../../registry/resource.js';
import type { Schema, SchemaCatalog } from '../../openapi/schema-catalog.js';

export type AjvSchema = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const TIMES = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']);

/** The target of `$ref` or of the `allOf: [{$ref}]` wrapper, without the prefix. */
export function refName(schema: Schema): string | undefined {
  const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
  return ref?.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
}

/** Schemas of named types whose Go UnmarshalJSON decides what they accept. */
function namedTypeSchema(name: string): AjvSchema | undefined {
  if (name === QUANTITY) return { quantity: true };
  if (name === INT_OR_STRING) return { intOrString: true };
  if (TIMES.has(name)) return { type: 'string' };
  return undefined;
}

const INT32 = { minimum: -2147483648, maximum: 2147483647 };

class Converter {
  readonly definitions: Record<string, AjvSchema> = {};
  readonly #pending: string[] = [];
  readonly #schemas: Record<string, Schema>;

  constructor(schemas: Record<string, Schema>) {
    this.#schemas = schemas;
  }

  ref(name: string): AjvSchema {
    const named = namedTypeSchema(name);
    if (named) return named;
    if (!(name in this.definitions)) {
      this.definitions[name] = {};
      this.#pending.push(name);
    }
    return { $ref: `#/definitions/${name}` };
  }

  drain(): void {
    for (let name = this.#pending.pop(); name !== undefined; name = this.#pending.pop()) {
      const schema = this.#schemas[name];
      this.definitions[name] = schema ? this.convert(schema) : {};
    }
  }

  convert(schema: Schema): AjvSchema {
    const target = refName(schema);
    if (target) return this.ref(target);
    switch (schema.type) {
      case 'object':
        return this.#object(schema);
      case 'array':
        return { type: 'array', ...(schema.items ? { items: this.convert(schema.items) } : {}) };
      case 'integer':
        return schema.format === 'int32' ? { type: 'integer', ...INT32 } : { type: 'integer' };
      case 'number':
      case 'string':
      case 'boolean':
        return { type: schema.type };
      default:
        return {};
    }
  }

  #object(schema: Schema): AjvSchema {
    if (schema.properties) {
      const properties: Record<string, AjvSchema> = {};
      for (const [key, value] of Object.entries(schema.properties)) properties[key] = this.convert(value);
      const open = schema['x-kubernetes-preserve-unknown-fields'] === true;
      return { type: 'object', properties, ...(open ? {} : { additionalProperties: false }) };
    }
    if (typeof schema.additionalProperties === 'object') {
      return { type: 'object', additionalProperties: this.convert(schema.additionalProperties) };
    }
    // RawExtension, FieldsV1 and the like keep whatever JSON they are given.
    return {};
  }
}

/** The self-contained ajv schema of a kind, or undefined when the catalog does not know it. */
export function ajvSchemaOf(catalog: SchemaCatalog, gvk: GroupVersionKind): AjvSchema | undefined {
  const kind = catalog.kindSchema(gvk);
  const schemas = catalog.schemasOf(gvk);
  if (!kind || !schemas) return undefined;
  const converter = new Converter(schemas);
  const root = converter.ref(kind.name);
  converter.drain();
  return { ...root, definitions: converter.definitions };
}
