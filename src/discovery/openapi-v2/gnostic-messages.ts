// The messages of gnostic's OpenAPIv2.proto (package openapi.v2) as data: for each, its fields
// with their numbers and JSON keys, and the checks gnostic's generated NewX functions make (required
// keys, keys allowed besides `x-…`, enum values). A check that fails is an error; inside a oneof,
// an error only means "not this alternative". The field numbers follow the .proto.

/** How a field is read from its JSON key (see gnostic-encode.ts for each one's rules). */
export type Field =
  | { n: number; key: string; kind: 'string'; enum?: readonly string[] }
  | { n: number; key: string; kind: 'strings'; enum?: readonly string[] }
  | { n: number; key: string; kind: 'bool' | 'double' | 'int64' | 'any' | 'anys' }
  | { n: number; key: string; kind: 'message' | 'messages'; type: string }
  /** The entries of the whole mapping whose key passes `keys`, as Named<type>{name=1, value=2}. */
  | { n: number; kind: 'named'; type: string; keys?: 'extension' | 'path' | 'response' };

export interface Message {
  fields: readonly Field[];
  required?: readonly string[];
  /** Keys outside `fields` are an error unless they match `x-` (or `patterns`). Default true. */
  checkKeys?: boolean;
  patterns?: readonly ('path' | 'response')[];
}

/** A oneof message: the last alternative that parses without error wins (gnostic's order). */
export interface Oneof {
  oneof: readonly { n: number; type: string }[];
}

/** Messages gnostic builds by hand-written rules rather than keys (see gnostic-encode.ts). */
export type Special = { special: 'Any' | 'TypeItem' | 'ItemsItem' | 'StringArray' | 'AdditionalPropertiesItem' };

const PRIMITIVE_TYPES = ['string', 'number', 'integer', 'boolean', 'array'];
const COLLECTION_FORMATS = ['csv', 'ssv', 'tsv', 'pipes'];
const ext = (n: number): Field => ({ n, kind: 'named', type: 'Any', keys: 'extension' });

/** type … multipleOf, numbered from `first`, as Header, PrimitivesItems and the parameter sub-schemas share them. */
function primitiveFields(first: number, types: readonly string[], formats: readonly string[]): Field[] {
  const n = (i: number): number => first + i;
  return [
    { n: n(0), key: 'type', kind: 'string', enum: types },
    { n: n(1), key: 'format', kind: 'string' },
    { n: n(2), key: 'items', kind: 'message', type: 'PrimitivesItems' },
    { n: n(3), key: 'collectionFormat', kind: 'string', enum: formats },
    { n: n(4), key: 'default', kind: 'any' },
    { n: n(5), key: 'maximum', kind: 'double' },
    { n: n(6), key: 'exclusiveMaximum', kind: 'bool' },
    { n: n(7), key: 'minimum', kind: 'double' },
    { n: n(8), key: 'exclusiveMinimum', kind: 'bool' },
    { n: n(9), key: 'maxLength', kind: 'int64' },
    { n: n(10), key: 'minLength', kind: 'int64' },
    { n: n(11), key: 'pattern', kind: 'string' },
    { n: n(12), key: 'maxItems', kind: 'int64' },
    { n: n(13), key: 'minItems', kind: 'int64' },
    { n: n(14), key: 'uniqueItems', kind: 'bool' },
    { n: n(15), key: 'enum', kind: 'anys' },
    { n: n(16), key: 'multipleOf', kind: 'double' },
  ];
}

/** required, in, description, name (, allowEmptyValue) and the primitive fields of a non-body parameter. */
function subSchema(location: string, allowEmpty: boolean, types: readonly string[], formats: readonly string[]): Message {
  const head: Field[] = [
    { n: 1, key: 'required', kind: 'bool' },
    { n: 2, key: 'in', kind: 'string', enum: [location] },
    { n: 3, key: 'description', kind: 'string' },
    { n: 4, key: 'name', kind: 'string' },
  ];
  if (allowEmpty) head.push({ n: 5, key: 'allowEmptyValue', kind: 'bool' });
  const first = head.length + 1;
  return { fields: [...head, ...primitiveFields(first, types, formats), ext(first + 17)] };
}

function oauth2(flow: string, urls: readonly ('authorizationUrl' | 'tokenUrl')[]): Message {
  const fields: Field[] = [
    { n: 1, key: 'type', kind: 'string', enum: ['oauth2'] },
    { n: 2, key: 'flow', kind: 'string', enum: [flow] },
    { n: 3, key: 'scopes', kind: 'message', type: 'Oauth2Scopes' },
  ];
  urls.forEach((key, i) => fields.push({ n: 4 + i, key, kind: 'string' }));
  fields.push({ n: 4 + urls.length, key: 'description', kind: 'string' }, ext(5 + urls.length));
  return { fields, required: [...urls, 'flow', 'type'] };
}

/** A message holding only `additional_properties`: every entry of a mapping; `String` is NamedString. */
const map = (type: string): Message => ({ fields: [{ n: 1, kind: 'named', type }], checkKeys: false });

export const MESSAGES: Readonly<Record<string, Message | Oneof | Special>> = {
  Any: { special: 'Any' },
  TypeItem: { special: 'TypeItem' },
  ItemsItem: { special: 'ItemsItem' },
  StringArray: { special: 'StringArray' },
  AdditionalPropertiesItem: { special: 'AdditionalPropertiesItem' },
  Document: {
    required: ['info', 'paths', 'swagger'],
    fields: [
      { n: 1, key: 'swagger', kind: 'string', enum: ['2.0'] },
      { n: 2, key: 'info', kind: 'message', type: 'Info' },
      { n: 3, key: 'host', kind: 'string' },
      { n: 4, key: 'basePath', kind: 'string' },
      { n: 5, key: 'schemes', kind: 'strings', enum: ['http', 'https', 'ws', 'wss'] },
      { n: 6, key: 'consumes', kind: 'strings' },
      { n: 7, key: 'produces', kind: 'strings' },
      { n: 8, key: 'paths', kind: 'message', type: 'Paths' },
      { n: 9, key: 'definitions', kind: 'message', type: 'Definitions' },
      { n: 10, key: 'parameters', kind: 'message', type: 'ParameterDefinitions' },
      { n: 11, key: 'responses', kind: 'message', type: 'ResponseDefinitions' },
      { n: 12, key: 'security', kind: 'messages', type: 'SecurityRequirement' },
      { n: 13, key: 'securityDefinitions', kind: 'message', type: 'SecurityDefinitions' },
      { n: 14, key: 'tags', kind: 'messages', type: 'Tag' },
      { n: 15, key: 'externalDocs', kind: 'message', type: 'ExternalDocs' },
      ext(16),
    ],
  },
  Info: {
    required: ['title', 'version'],
    fields: [
      { n: 1, key: 'title', kind: 'string' },
      { n: 2, key: 'version', kind: 'string' },
      { n: 3, key: 'description', kind: 'string' },
      { n: 4, key: 'termsOfService', kind: 'string' },
      { n: 5, key: 'contact', kind: 'message', type: 'Contact' },
      { n: 6, key: 'license', kind: 'message', type: 'License' },
      ext(7),
    ],
  },
  Contact: {
    fields: [{ n: 1, key: 'name', kind: 'string' }, { n: 2, key: 'url', kind: 'string' }, { n: 3, key: 'email', kind: 'string' }, ext(4)],
  },
  License: { required: ['name'], fields: [{ n: 1, key: 'name', kind: 'string' }, { n: 2, key: 'url', kind: 'string' }, ext(3)] },
  ExternalDocs: { required: ['url'], fields: [{ n: 1, key: 'description', kind: 'string' }, { n: 2, key: 'url', kind: 'string' }, ext(3)] },
  Tag: {
    required: ['name'],
    fields: [
      { n: 1, key: 'name', kind: 'string' },
      { n: 2, key: 'description', kind: 'string' },
      { n: 3, key: 'externalDocs', kind: 'message', type: 'ExternalDocs' },
      ext(4),
    ],
  },
  Paths: {
    patterns: ['path'],
    fields: [ext(1), { n: 2, kind: 'named', type: 'PathItem', keys: 'path' }],
  },
  PathItem: {
    fields: [
      { n: 1, key: '$ref', kind: 'string' },
      ...(['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const).map(
        (key, i): Field => ({ n: 2 + i, key, kind: 'message', type: 'Operation' }),
      ),
      { n: 9, key: 'parameters', kind: 'messages', type: 'ParametersItem' },
      ext(10),
    ],
  },
  Operation: {
    required: ['responses'],
    fields: [
      { n: 1, key: 'tags', kind: 'strings' },
      { n: 2, key: 'summary', kind: 'string' },
      { n: 3, key: 'description', kind: 'string' },
      { n: 4, key: 'externalDocs', kind: 'message', type: 'ExternalDocs' },
      { n: 5, key: 'operationId', kind: 'string' },
      { n: 6, key: 'produces', kind: 'strings' },
      { n: 7, key: 'consumes', kind: 'strings' },
      { n: 8, key: 'parameters', kind: 'messages', type: 'ParametersItem' },
      { n: 9, key: 'responses', kind: 'message', type: 'Responses' },
      { n: 10, key: 'schemes', kind: 'strings', enum: ['http', 'https', 'ws', 'wss'] },
      { n: 11, key: 'deprecated', kind: 'bool' },
      { n: 12, key: 'security', kind: 'messages', type: 'SecurityRequirement' },
      ext(13),
    ],
  },
  ParametersItem: { oneof: [{ n: 1, type: 'Parameter' }, { n: 2, type: 'JsonReference' }] },
  Parameter: { oneof: [{ n: 1, type: 'BodyParameter' }, { n: 2, type: 'NonBodyParameter' }] },
  NonBodyParameter: {
    oneof: [
      { n: 1, type: 'HeaderParameterSubSchema' },
      { n: 2, type: 'FormDataParameterSubSchema' },
      { n: 3, type: 'QueryParameterSubSchema' },
      { n: 4, type: 'PathParameterSubSchema' },
    ],
  },
  BodyParameter: {
    required: ['in', 'name', 'schema'],
    fields: [
      { n: 1, key: 'description', kind: 'string' },
      { n: 2, key: 'name', kind: 'string' },
      { n: 3, key: 'in', kind: 'string', enum: ['body'] },
      { n: 4, key: 'required', kind: 'bool' },
      { n: 5, key: 'schema', kind: 'message', type: 'Schema' },
      ext(6),
    ],
  },
  HeaderParameterSubSchema: subSchema('header', false, PRIMITIVE_TYPES, COLLECTION_FORMATS),
  FormDataParameterSubSchema: subSchema('formData', true, [...PRIMITIVE_TYPES, 'file'], [...COLLECTION_FORMATS, 'multi']),
  QueryParameterSubSchema: subSchema('query', true, PRIMITIVE_TYPES, [...COLLECTION_FORMATS, 'multi']),
  PathParameterSubSchema: { ...subSchema('path', false, PRIMITIVE_TYPES, COLLECTION_FORMATS), required: ['required'] },
  PrimitivesItems: { fields: [...primitiveFields(1, PRIMITIVE_TYPES, COLLECTION_FORMATS), ext(18)] },
  Header: {
    required: ['type'],
    fields: [...primitiveFields(1, PRIMITIVE_TYPES, COLLECTION_FORMATS), { n: 18, key: 'description', kind: 'string' }, ext(19)],
  },
  JsonReference: {
    required: ['$ref'],
    checkKeys: false,
    fields: [{ n: 1, key: '$ref', kind: 'string' }, { n: 2, key: 'description', kind: 'string' }],
  },
  Responses: {
    patterns: ['response'],
    fields: [{ n: 1, kind: 'named', type: 'ResponseValue', keys: 'response' }, ext(2)],
  },
  ResponseValue: { oneof: [{ n: 1, type: 'Response' }, { n: 2, type: 'JsonReference' }] },
  Response: {
    required: ['description'],
    fields: [
      { n: 1, key: 'description', kind: 'string' },
      { n: 2, key: 'schema', kind: 'message', type: 'SchemaItem' },
      { n: 3, key: 'headers', kind: 'message', type: 'Headers' },
      { n: 4, key: 'examples', kind: 'message', type: 'Examples' },
      ext(5),
    ],
  },
  SchemaItem: { oneof: [{ n: 1, type: 'Schema' }, { n: 2, type: 'FileSchema' }] },
  FileSchema: {
    required: ['type'],
    fields: [
      { n: 1, key: 'format', kind: 'string' },
      { n: 2, key: 'title', kind: 'string' },
      { n: 3, key: 'description', kind: 'string' },
      { n: 4, key: 'default', kind: 'any' },
      { n: 5, key: 'required', kind: 'strings' },
      { n: 6, key: 'type', kind: 'string', enum: ['file'] },
      { n: 7, key: 'readOnly', kind: 'bool' },
      { n: 8, key: 'externalDocs', kind: 'message', type: 'ExternalDocs' },
      { n: 9, key: 'example', kind: 'any' },
      ext(10),
    ],
  },
  Schema: {
    fields: [
      { n: 1, key: '$ref', kind: 'string' },
      { n: 2, key: 'format', kind: 'string' },
      { n: 3, key: 'title', kind: 'string' },
      { n: 4, key: 'description', kind: 'string' },
      { n: 5, key: 'default', kind: 'any' },
      { n: 6, key: 'multipleOf', kind: 'double' },
      { n: 7, key: 'maximum', kind: 'double' },
      { n: 8, key: 'exclusiveMaximum', kind: 'bool' },
      { n: 9, key: 'minimum', kind: 'double' },
      { n: 10, key: 'exclusiveMinimum', kind: 'bool' },
      { n: 11, key: 'maxLength', kind: 'int64' },
      { n: 12, key: 'minLength', kind: 'int64' },
      { n: 13, key: 'pattern', kind: 'string' },
      { n: 14, key: 'maxItems', kind: 'int64' },
      { n: 15, key: 'minItems', kind: 'int64' },
      { n: 16, key: 'uniqueItems', kind: 'bool' },
      { n: 17, key: 'maxProperties', kind: 'int64' },
      { n: 18, key: 'minProperties', kind: 'int64' },
      { n: 19, key: 'required', kind: 'strings' },
      { n: 20, key: 'enum', kind: 'anys' },
      { n: 21, key: 'additionalProperties', kind: 'message', type: 'AdditionalPropertiesItem' },
      { n: 22, key: 'type', kind: 'message', type: 'TypeItem' },
      { n: 23, key: 'items', kind: 'message', type: 'ItemsItem' },
      { n: 24, key: 'allOf', kind: 'messages', type: 'Schema' },
      { n: 25, key: 'properties', kind: 'message', type: 'Properties' },
      { n: 26, key: 'discriminator', kind: 'string' },
      { n: 27, key: 'readOnly', kind: 'bool' },
      { n: 28, key: 'xml', kind: 'message', type: 'Xml' },
      { n: 29, key: 'externalDocs', kind: 'message', type: 'ExternalDocs' },
      { n: 30, key: 'example', kind: 'any' },
      ext(31),
    ],
  },
  Xml: {
    fields: [
      { n: 1, key: 'name', kind: 'string' },
      { n: 2, key: 'namespace', kind: 'string' },
      { n: 3, key: 'prefix', kind: 'string' },
      { n: 4, key: 'attribute', kind: 'bool' },
      { n: 5, key: 'wrapped', kind: 'bool' },
      ext(6),
    ],
  },
  SecurityDefinitionsItem: {
    oneof: [
      { n: 1, type: 'BasicAuthenticationSecurity' },
      { n: 2, type: 'ApiKeySecurity' },
      { n: 3, type: 'Oauth2ImplicitSecurity' },
      { n: 4, type: 'Oauth2PasswordSecurity' },
      { n: 5, type: 'Oauth2ApplicationSecurity' },
      { n: 6, type: 'Oauth2AccessCodeSecurity' },
    ],
  },
  BasicAuthenticationSecurity: {
    required: ['type'],
    fields: [{ n: 1, key: 'type', kind: 'string', enum: ['basic'] }, { n: 2, key: 'description', kind: 'string' }, ext(3)],
  },
  ApiKeySecurity: {
    required: ['in', 'name', 'type'],
    fields: [
      { n: 1, key: 'type', kind: 'string', enum: ['apiKey'] },
      { n: 2, key: 'name', kind: 'string' },
      { n: 3, key: 'in', kind: 'string', enum: ['header', 'query'] },
      { n: 4, key: 'description', kind: 'string' },
      ext(5),
    ],
  },
  Oauth2ImplicitSecurity: oauth2('implicit', ['authorizationUrl']),
  Oauth2PasswordSecurity: oauth2('password', ['tokenUrl']),
  Oauth2ApplicationSecurity: oauth2('application', ['tokenUrl']),
  Oauth2AccessCodeSecurity: oauth2('accessCode', ['authorizationUrl', 'tokenUrl']),
  Oauth2Scopes: map('String'),
  Definitions: map('Schema'),
  Properties: map('Schema'),
  ParameterDefinitions: map('Parameter'),
  ResponseDefinitions: map('Response'),
  SecurityDefinitions: map('SecurityDefinitionsItem'),
  SecurityRequirement: map('StringArray'),
  Headers: map('Header'),
  Examples: map('Any'),
};
