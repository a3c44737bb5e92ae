// Turns client-node models into OpenAPI v3 component schemas shaped as Kubernetes publishes them:
// nested types as `allOf: [$ref]` beside the field's description, apimachinery scalars as named
// schemas, and the overlay's extensions, enums and group-version-kinds.
import type { Model, ModelField } from './client-models.js';
import type { JsonObject } from './json.js';
import {
  ATOMIC_STRUCTS, ENUMS, FIELD_EXTENSIONS, FIELDS_NEWER_THAN_1_32, METADATA_DESCRIPTIONS, NAMED_SCHEMAS, QUANTITY_FIELDS, UNTYPED_FIELDS,
} from './overlay.js';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

export const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

export interface GroupVersionKind {
  group: string;
  kind: string;
  version: string;
}

export class SchemaBuilder {
  readonly #models: Map<string, Model>;
  readonly #names: Map<string, string>;

  constructor(models: Map<string, Model>, names: Map<string, string>) {
    this.#models = models;
    this.#names = names;
  }

  /** The schema of one value of a type expression; `field` names the model field for overlays. */
  #typeSchema(type: string, format: string, field: string): JsonObject {
    const array = /^Array<(.+)>$/.exec(type);
    if (array) return { items: this.#itemSchema(array[1], format, field), type: 'array' };
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map) return { additionalProperties: this.#itemSchema(map[1], format, field), type: 'object' };
    if (QUANTITY_FIELDS.includes(field)) return ref(QUANTITY);
    if (type === 'any') {
      const named = UNTYPED_FIELDS[field];
      if (!named) throw new Error(`${field} is untyped in the models and has no overlay entry`);
      return ref(named);
    }
    if (type === 'string') return format ? { format, type: 'string' } : { type: 'string' };
    if (type === 'boolean') return { type: 'boolean' };
    if (type === 'number') return format === 'double' ? { format, type: 'number' } : { format: format || 'int64', type: 'integer' };
    if (type === 'Date' || type === 'V1MicroTime') return ref(`${META}.${format === 'date-time-micro' ? 'MicroTime' : 'Time'}`);
    if (type === 'IntOrString') return ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    const name = this.#names.get(type);
    if (!name) throw new Error(`${field} has type ${type}, which has no schema name`);
    return ref(name);
  }

  #itemSchema(type: string, format: string, field: string): JsonObject {
    const schema = this.#typeSchema(type, format, field);
    return schema.$ref && this.#models.has(type) ? { allOf: [schema], default: {} } : schema;
  }

  #fieldSchema(model: Model, field: ModelField, schemaName: string): JsonObject {
    const key = `${model.name}.${field.name}`;
    const typed = this.#typeSchema(field.type, field.format, key);
    const schema: JsonObject = typed.$ref ? { allOf: [typed] } : typed;
    const description = field.description ?? this.#metadataDescription(field);
    if (description) schema.description = description;
    if (schema.type === 'array') schema['x-kubernetes-list-type'] = 'atomic';
    Object.assign(schema, FIELD_EXTENSIONS[schemaName]?.[field.name]);
    const values = ENUMS[schemaName]?.[field.name];
    if (values) schema.enum = values;
    return schema;
  }

  #metadataDescription(field: ModelField): string | undefined {
    if (field.name !== 'metadata') return undefined;
    if (field.type === 'V1ListMeta') return METADATA_DESCRIPTIONS.list;
    return field.type === 'V1ObjectMeta' ? METADATA_DESCRIPTIONS.object : undefined;
  }

  /** The component schema of a model; `kinds` are the group-version-kinds it is served as. */
  modelSchema(modelName: string, kinds: GroupVersionKind[]): JsonObject {
    const model = this.#models.get(modelName)!;
    const schemaName = this.#names.get(modelName)!;
    const properties: JsonObject = {};
    const required: string[] = [];
    for (const field of model.fields) {
      if (FIELDS_NEWER_THAN_1_32.includes(`${model.name}.${field.name}`)) continue;
      properties[field.name] = this.#fieldSchema(model, field, schemaName);
      if (field.required) required.push(field.name);
    }
    const schema: JsonObject = { properties, type: 'object' };
    if (model.description) schema.description = model.description;
    if (required.length) schema.required = required;
    if (ATOMIC_STRUCTS.includes(schemaName)) schema['x-kubernetes-map-type'] = 'atomic';
    if (kinds.length) schema['x-kubernetes-group-version-kind'] = kinds.map((k) => ({ ...k }));
    return schema;
  }

  /** A named schema the overlay defines (Time, Quantity, …), or undefined for model schemas. */
  static named(name: string): JsonObject | undefined {
    return NAMED_SCHEMAS[name];
  }
}
