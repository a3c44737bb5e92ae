// The OpenAPI v3 document kube-apiserver publishes at /openapi/v3/apis/<group>/<version> for the
// CustomResourceDefinitions serving that group version: apiextensions-apiserver's
// controller/openapi/builder output (BuildOpenAPIV3, V2 off) for each CRD, merged as MergeSpecsV3
// merges them. Paths live in custom-resource-openapi-paths.ts; the schemas are built here.
import type { KubeObject } from '../api/types.js';
import { deepCopy, isPlainObject } from '../api/types.js';
import { customResourcePaths, SCHEMA_PREFIX, type CustomResourceNames, type JsonObject } from './custom-resource-openapi-paths.js';

const OBJECT_META_SCHEMA = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META_SCHEMA = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

/** metav1.TypeMeta's properties, which builder.go puts on every kind and list schema. */
const TYPE_META_PROPERTIES = {
  apiVersion: {
    description:
      'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
    type: 'string',
  },
  kind: {
    description:
      'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
    type: 'string',
  },
};
/** What builder.go's addEmbeddedProperties says of an x-kubernetes-embedded-resource's type meta. */
const EMBEDDED_TYPE_META_PROPERTIES = {
  apiVersion: {
    description:
      'apiVersion defines the versioned schema of this representation of an object. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
    type: 'string',
  },
  kind: {
    description:
      'kind is a string value representing the type of this object. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
    type: 'string',
  },
};
/** metav1 PartialObjectMetadata's and PartialObjectMetadataList's `metadata` documentation. */
const OBJECT_METADATA = {
  allOf: [{ $ref: SCHEMA_PREFIX + OBJECT_META_SCHEMA }],
  description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
};
const LIST_METADATA = {
  allOf: [{ $ref: SCHEMA_PREFIX + LIST_META_SCHEMA }],
  description: 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
};

/** `apis/<group>/<version>`: the key of the group version in the /openapi/v3 index. */
export function customResourceDocumentPath(group: string, version: string): string {
  return `apis/${group}/${version}`;
}

/**
 * The whole OpenAPI v3 document of one custom resource group version: the paths and the kind and
 * `<Kind>List` schemas of every CRD in `crds` (v1 CustomResourceDefinitions as stored) whose
 * spec.group is `group` and that serves `version`; a version with `served: false` is left out.
 * The caller passes only CRDs whose Established condition is True, as the openapiv3 controller
 * does. The meta and autoscaling schemas those reference (ObjectMeta, ListMeta, Status,
 * DeleteOptions, Patch, Scale and what they reference in turn) are copied from `commonSchemas`,
 * which the caller fills from a built-in document's components.schemas (apps/v1 holds them all);
 * only the names the document references are picked, and a missing one throws.
 */
export function buildCustomResourceOpenAPI(
  group: string,
  version: string,
  crds: readonly KubeObject[],
  commonSchemas: Record<string, object>,
): object {
  const paths: Record<string, JsonObject> = {};
  const schemas: Record<string, JsonObject> = {};
  for (const crd of crds) {
    const served = servedVersion(crd, group, version);
    if (!served) continue;
    const kindSchema = schemaName(group, version, served.names.kind);
    Object.assign(paths, customResourcePaths(served.names, kindSchema));
    schemas[kindSchema] = kindSchemaOf(served.names, served.openAPIV3Schema);
    schemas[`${kindSchema}List`] = listSchemaOf(served.names, served.listKind, kindSchema);
  }
  addReferencedSchemas(schemas, paths, commonSchemas);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' },
    paths: sortedByKey(paths),
    components: { schemas: sortedByKey(schemas) },
  };
}

interface ServedVersion {
  names: CustomResourceNames;
  listKind: string;
  openAPIV3Schema: unknown;
}

const objectAt = (value: unknown): JsonObject => (isPlainObject(value) ? value : {});
const stringAt = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The CRD's names and schema for `version` when it serves it in `group`. */
function servedVersion(crd: KubeObject, group: string, version: string): ServedVersion | undefined {
  const spec = objectAt(crd.spec);
  if (spec.group !== group || !Array.isArray(spec.versions)) return undefined;
  const served = spec.versions.map(objectAt).find((v) => v.name === version && v.served === true);
  if (!served) return undefined;
  const names = objectAt(spec.names);
  const kind = stringAt(names.kind);
  const subresources = objectAt(served.subresources);
  return {
    names: {
      group,
      version,
      kind,
      plural: stringAt(names.plural),
      namespaced: spec.scope === 'Namespaced',
      status: isPlainObject(subresources.status),
      scale: isPlainObject(subresources.scale),
    },
    listKind: stringAt(names.listKind) || `${kind}List`,
    openAPIV3Schema: objectAt(served.schema).openAPIV3Schema,
  };
}

/** The definition namer's friendly name: `stable.example.com/v1.CronTab` → `com.example.stable.v1.CronTab`. */
function schemaName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

const gvkExtension = (group: string, version: string, kind: string): JsonObject => ({
  'x-kubernetes-group-version-kind': [{ group, kind, version }],
});

/** builder.buildKubeNative: the published schema with type meta and ObjectMeta, or a bare object without a schema. */
function kindSchemaOf(names: CustomResourceNames, openAPIV3Schema: unknown): JsonObject {
  const gvk = gvkExtension(names.group, names.version, names.kind);
  if (!isPlainObject(openAPIV3Schema)) return { type: 'object', ...gvk };
  const schema = publishedSchema(openAPIV3Schema);
  schema.properties = { ...objectAt(schema.properties), metadata: OBJECT_METADATA, ...TYPE_META_PROPERTIES };
  return { ...schema, ...gvk };
}

/** builder.buildListSchema. */
function listSchemaOf(names: CustomResourceNames, listKind: string, kindSchema: string): JsonObject {
  return {
    description: `${listKind} is a list of ${names.kind}`,
    properties: {
      apiVersion: TYPE_META_PROPERTIES.apiVersion,
      items: {
        description: `List of ${names.plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`,
        items: { $ref: SCHEMA_PREFIX + kindSchema },
        type: 'array',
      },
      kind: TYPE_META_PROPERTIES.kind,
      metadata: LIST_METADATA,
    },
    required: ['items'],
    type: 'object',
    ...gvkExtension(names.group, names.version, listKind),
  };
}

/** The keywords a structural schema keeps when converted back to OpenAPI (Structural.ToKubeOpenAPI). */
const KEPT_VALUES = [
  'type', 'title', 'description', 'default', 'format', 'maximum', 'minimum', 'maxLength', 'minLength', 'pattern',
  'maxItems', 'minItems', 'multipleOf', 'enum', 'maxProperties', 'minProperties', 'required',
  'x-kubernetes-list-map-keys', 'x-kubernetes-list-type', 'x-kubernetes-map-type', 'x-kubernetes-validations',
];
/** Flags published only when true. */
const KEPT_FLAGS = [
  'nullable', 'exclusiveMaximum', 'exclusiveMinimum', 'uniqueItems',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string',
];
const NESTED_LISTS = ['allOf', 'anyOf', 'oneOf'];

/**
 * One openAPIV3Schema node as the builder publishes it: unfolded (x-kubernetes-int-or-string
 * spelled out as anyOf integer/string), stripped to what a structural schema holds, and with
 * apiVersion, kind and metadata on every x-kubernetes-embedded-resource.
 */
function publishedSchema(node: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of KEPT_VALUES) if (!isUnset(node[key])) out[key] = deepCopy(node[key]);
  for (const key of KEPT_FLAGS) if (node[key] === true) out[key] = true;
  if (isPlainObject(node.properties)) {
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, publishedSchema(objectAt(v))]));
  }
  if (isPlainObject(node.items)) out.items = publishedSchema(node.items);
  if (isPlainObject(node.additionalProperties)) out.additionalProperties = publishedSchema(node.additionalProperties);
  else if (typeof node.additionalProperties === 'boolean') out.additionalProperties = node.additionalProperties;
  for (const key of NESTED_LISTS) if (Array.isArray(node[key])) out[key] = node[key].map((n) => publishedSchema(objectAt(n)));
  if (isPlainObject(node.not)) out.not = publishedSchema(node.not);
  if (out['x-kubernetes-int-or-string'] === true) unfoldIntOrString(out);
  if (out['x-kubernetes-embedded-resource'] === true) addEmbeddedTypeMeta(out);
  return out;
}

/** What Go leaves out of the marshalled schema: absent, null, empty strings and empty lists. */
const isUnset = (value: unknown): boolean => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const INT_OR_STRING = [{ type: 'integer' }, { type: 'string' }];

function isIntOrStringAnyOf(anyOf: unknown): boolean {
  return JSON.stringify(anyOf) === JSON.stringify(INT_OR_STRING);
}

/** structuralschema.Unfold for x-kubernetes-int-or-string, unless the anyOf is already spelled out. */
function unfoldIntOrString(schema: JsonObject): void {
  const allOf = Array.isArray(schema.allOf) ? schema.allOf : [];
  if (isIntOrStringAnyOf(schema.anyOf) || isIntOrStringAnyOf(objectAt(allOf[0]).anyOf)) return;
  if (schema.anyOf === undefined) schema.anyOf = deepCopy(INT_OR_STRING);
  else schema.allOf = [{ anyOf: deepCopy(INT_OR_STRING) }, ...allOf];
}

/** builder.addEmbeddedProperties: an embedded object gets apiVersion, kind and metadata, and requires the first two. */
function addEmbeddedTypeMeta(schema: JsonObject): void {
  schema.properties = { ...objectAt(schema.properties), ...EMBEDDED_TYPE_META_PROPERTIES, metadata: OBJECT_METADATA };
  const required = Array.isArray(schema.required) ? [...(schema.required as unknown[])] : [];
  for (const name of ['kind', 'apiVersion']) if (!required.includes(name)) required.push(name);
  schema.required = required;
}

/** Copies into `schemas` every schema the document references that it does not define, and what those reference. */
function addReferencedSchemas(schemas: Record<string, JsonObject>, paths: JsonObject, common: Record<string, object>): void {
  const pending = [...referencedNames(paths), ...referencedNames(schemas)];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (Object.hasOwn(schemas, name)) continue;
    const schema = Object.hasOwn(common, name) ? common[name] : undefined;
    if (!isPlainObject(schema)) throw new Error(`openapi: schema ${name} referenced by a custom resource is not in the common schemas`);
    schemas[name] = deepCopy(schema) as JsonObject;
    pending.push(...referencedNames(schema));
  }
}

/** The component names of every `$ref` in `value`. */
function referencedNames(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencedNames(v, out);
  else if (isPlainObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_PREFIX)) out.push(v.slice(SCHEMA_PREFIX.length));
      else referencedNames(v, out);
    }
  }
  return out;
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
