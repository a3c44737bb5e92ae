// src/discovery/openapi-v2: the /openapi/v2 document as protobuf, as kube-openapi's handler makes
// it (ToProtoBinary: gnostic's openapi_v2.ParseDocument of the JSON spec, then proto.Marshal).
// json-nodes.ts reads the JSON as yaml.v3 reads it; gnostic-messages.ts holds gnostic's
// OpenAPIv2.proto messages as data and gnostic-encode.ts applies them; yaml-text.ts and
// yaml-scalar.ts write the YAML text that vendor extensions, defaults and enums carry as `Any`.
import { encodeGnosticDocument } from './gnostic-encode.js';
import { readJsonNodes } from './json-nodes.js';

/** The gnostic openapi_v2.Document bytes of a Swagger 2.0 JSON document. Throws if gnostic would refuse it. */
export function swaggerToProtobuf(json: string | Uint8Array): Uint8Array {
  const text = typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
  return encodeGnosticDocument(readJsonNodes(text));
}
