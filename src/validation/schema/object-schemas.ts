// Schema validation of request bodies against the OpenAPI documents kubefake serves, with the
// outcome kube-apiserver's decoder gives for built-in kinds (apiserver handlers/create.go and
// sigs.k8s.io/json): a value of the wrong type is a 400 decode error; unknown fields are a 400
// strict decoding error (fieldValidation=Strict), `Warning` texts (Warn, the server's default)
// or silently dropped (Ignore). Duplicate fields cannot be seen here: bodies arrive parsed.
// One ajv validator per kind, compiled on first use and kept.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { newBadRequest } from '../../api/errors.js';
import { isPlainObject, type KubeObject } from '../../api/types.js';
import type { Schema, SchemaCatalog } from '../../openapi/schema-catalog.js';
import type { GroupVersionKind } from '../../registry/resource.js';
import { ajvSchemaOf } from './ajv-schema.js';
import { decodeErrorAt, type DecodeError } from './decode-error.js';
import { withoutNulls } from './drop-nulls.js';
import { compareDocumentOrder, formatPath, pointerSegments, removeField, valueAt, type Segment } from './instance-paths.js';
import { intOrStringError, quantityError } from './named-types.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface SchemaCheck {
  /** The body without nulls and, unless Strict refused it, without unknown fields. */
  object: KubeObject;
  /** Warn mode: one `unknown field "<path>"` per unknown field, for `Warning: 299` headers. */
  warnings: string[];
}

interface KindValidator {
  validate: ValidateFunction;
  /** The kind's schema name and its document's schemas, for wording decode errors. */
  rootName: string;
  schemas: Record<string, Schema>;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, code: { optimize: true } });
  ajv.addKeyword({ keyword: 'quantity', schemaType: 'boolean', errors: false, validate: (_s: boolean, data: unknown) => quantityError(data) === undefined });
  ajv.addKeyword({ keyword: 'intOrString', schemaType: 'boolean', errors: false, validate: (_s: boolean, data: unknown) => intOrStringError(data) === undefined });
  return ajv;
}

export class ObjectSchemas {
  readonly #catalog: SchemaCatalog;
  readonly #ajv = newAjv();
  readonly #validators = new Map<string, KindValidator | undefined>();

  private constructor(catalog: SchemaCatalog) {
    this.#catalog = catalog;
  }

  static load(catalog: SchemaCatalog): ObjectSchemas {
    return new ObjectSchemas(catalog);
  }

  /** Validates a decoded body; throws the StatusError kube-apiserver would answer with. */
  /** `duplicates`: paths of keys the raw JSON body repeated (JSON.parse kept the last one). */
  check(gvk: GroupVersionKind, body: unknown, mode: FieldValidation, duplicates: readonly string[] = []): SchemaCheck {
    const object = withoutNulls(body);
    if (!isPlainObject(object)) throw this.#decodeError(gvk, `json: cannot unmarshal ${Array.isArray(object) ? 'array' : typeof object} into Go value of type ${gvk.version}.${gvk.kind}`);
    const validator = this.#validator(gvk);
    const duplicateMessages = duplicates.map((path) => `duplicate field "${path}"`);
    if (!validator || validator.validate(object)) {
      if (mode === 'Strict' && duplicateMessages.length) throw this.#decodeError(gvk, `strict decoding error: ${duplicateMessages.join(', ')}`);
      return { object: object as KubeObject, warnings: mode === 'Warn' ? duplicateMessages : [] };
    }

    const { unknown, decodeError } = this.#classify(validator, object, validator.validate.errors ?? []);
    if (decodeError) throw this.#decodeError(gvk, decodeError);
    const messages = [...duplicateMessages, ...unknown.map((path) => `unknown field "${formatPath(path)}"`)];
    if (mode === 'Strict' && messages.length) throw this.#decodeError(gvk, `strict decoding error: ${messages.join(', ')}`);
    for (const path of unknown) removeField(object, path);
    return { object: object as KubeObject, warnings: mode === 'Warn' ? messages : [] };
  }

  #validator(gvk: GroupVersionKind): KindValidator | undefined {
    const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
    if (this.#validators.has(key)) return this.#validators.get(key);
    const schema = ajvSchemaOf(this.#catalog, gvk);
    const rootName = this.#catalog.kindSchema(gvk)?.name;
    const schemas = this.#catalog.schemasOf(gvk);
    const validator = schema && rootName && schemas ? { validate: this.#ajv.compile(schema), rootName, schemas } : undefined;
    this.#validators.set(key, validator);
    return validator;
  }

  /** Unknown fields in document order, and the decode error Go would stop at, if any. */
  #classify(validator: KindValidator, object: Record<string, unknown>, errors: ErrorObject[]): { unknown: Segment[][]; decodeError?: string } {
    const unknown: Segment[][] = [];
    const wrongType = new Map<string, Segment[]>();
    for (const error of errors) {
      const path = pointerSegments(object, error.instancePath);
      if (error.keyword === 'additionalProperties') unknown.push([...path, String(error.params.additionalProperty)]);
      else if (error.keyword !== 'oneOf') wrongType.set(error.instancePath, path);
    }
    const byDocument = (a: Segment[], b: Segment[]): number => compareDocumentOrder(object, a, b);
    unknown.sort(byDocument);
    const decodeErrors = [...wrongType.values()]
      .sort(byDocument)
      .map((path): DecodeError => decodeErrorAt(validator.schemas, validator.rootName, path, valueAt(object, path)));
    const first = decodeErrors.find((e) => e.aborts) ?? decodeErrors[0];
    return { unknown, decodeError: first?.message };
  }

  #decodeError(gvk: GroupVersionKind, reason: string): Error {
    return newBadRequest(`${gvk.kind} in version "${gvk.version}" cannot be handled as a ${gvk.kind}: ${reason}`);
  }
}
