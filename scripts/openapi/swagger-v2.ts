// Derives the Swagger 2.0 document (/openapi/v2) from the v3 group-version documents: the same
// schemas under `definitions` with plain `$ref`s, and the same operations with v2 parameters.
import type { JsonObject, JsonValue } from './json.js';

const SCALARS: Record<string, JsonObject> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { format: 'int-or-string', type: 'string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
};

/** v3 schema → v2: `allOf: [$ref]` becomes a `$ref` beside its description; refs point at definitions. */
function schemaV2(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(schemaV2);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'allOf' && Array.isArray(v) && v.length === 1) Object.assign(out, schemaV2(v[0]) as JsonObject);
    else if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/components/schemas/', '#/definitions/');
    else out[k] = schemaV2(v);
  }
  return out;
}

function parameterV2(p: JsonObject): JsonObject {
  const { schema, ...rest } = p;
  return { ...rest, ...(schema as JsonObject) };
}

function operationV2(op: JsonObject): JsonObject {
  const { requestBody, responses, parameters, ...rest } = op;
  const out: JsonObject = { ...rest, schemes: ['https'] };
  const params = ((parameters as JsonObject[] | undefined) ?? []).map(parameterV2);
  const produces = new Set<string>();
  const outResponses: JsonObject = {};
  for (const [code, r] of Object.entries(responses as JsonObject)) {
    const { content, description } = r as JsonObject;
    const media = Object.entries((content as JsonObject | undefined) ?? {});
    media.forEach(([m]) => produces.add(m));
    outResponses[code] = media.length ? { description, schema: schemaV2((media[0][1] as JsonObject).schema) } : { description };
  }
  if (requestBody) {
    const body = requestBody as JsonObject;
    const media = Object.entries(body.content as JsonObject);
    out.consumes = media.map(([m]) => m);
    params.unshift({ in: 'body', name: 'body', required: body.required ?? false, schema: schemaV2((media[0][1] as JsonObject).schema) });
  } else out.consumes = ['*/*'];
  if (params.length) out.parameters = params;
  out.produces = [...produces];
  out.responses = outResponses;
  return out;
}

export function swaggerV2(v3: Map<string, JsonObject>): JsonObject {
  const definitions: JsonObject = {};
  const paths: JsonObject = {};
  for (const doc of v3.values()) {
    const schemas = (doc.components as JsonObject).schemas as JsonObject;
    for (const [name, schema] of Object.entries(schemas)) definitions[name] = SCALARS[name] ? { ...SCALARS[name], description: (schema as JsonObject).description } : schemaV2(schema);
    for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(item as JsonObject)) {
        out[k] = k === 'parameters' ? (v as JsonObject[]).map(parameterV2) : operationV2(v as JsonObject);
      }
      paths[path] = out;
    }
  }
  return {
    definitions,
    info: { title: 'Kubernetes', version: 'v1.32.4' },
    paths,
    security: [{ BearerToken: [] }],
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } },
    swagger: '2.0',
  };
}
