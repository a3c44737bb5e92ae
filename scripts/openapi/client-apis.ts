// Reads the API classes @kubernetes/client-node generated from the Kubernetes OpenAPI: for every
// operation its path, HTTP method, query parameters (name, type, description), request body and
// content types, and the model each response code decodes to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unescapeDoc } from './client-docs.js';

export interface ApiParameter {
  name: string;
  in: 'path' | 'query';
  type: string;
  description?: string;
}

export interface ApiOperation {
  /** The client method name: listNamespacedPod, connectGetNamespacedPodExec, … */
  method: string;
  httpMethod: string;
  path: string;
  description?: string;
  parameters: ApiParameter[];
  /** The body's model or `any`; absent when the operation takes no body. */
  body?: { type: string; required: boolean; contentTypes: string[] };
  /** Response code → model name (`string` for text). */
  responses: Map<string, string>;
}

export interface ApiClass {
  /** CoreV1, AppsV1, RbacAuthorizationV1, … */
  name: string;
  /** The group version the class serves: `v1`, `apps/v1`. */
  groupVersion: string;
  operations: ApiOperation[];
}

const METHOD = /^ {4}async (\w+)\(([^)]*)\) \{$/gm;
const QUERY = /setQueryParam\("([^"]+)", ObjectSerializer\.serialize\(\w+, "([^"]+)"/g;
const RESPONSE = /isCodeInRange\("(\d+)", response\.httpStatusCode\)\) \{\s*const body = ObjectSerializer\.deserialize\([^;]*?, contentType\), "([^"]+)"/g;

function methodBodies(source: string): Map<string, string> {
  const starts = [...source.matchAll(METHOD)];
  const bodies = new Map<string, string>();
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : source.length;
    bodies.set(m[1], source.slice(m.index, end));
  });
  return bodies;
}

interface OperationDoc {
  description?: string;
  params: Map<string, string>;
}

function readDocs(declaration: string): Map<string, OperationDoc> {
  const docs = new Map<string, OperationDoc>();
  for (const m of declaration.matchAll(/\/\*\*\n([\s\S]*?)\*\/\n\s+(\w+)\([^\n]*\): Promise<RequestContext>;/g)) {
    const lines = m[1].split('\n').map((l) => l.replace(/^\s*\*\s?/, ''));
    const params = new Map<string, string>();
    let description: string | undefined;
    for (const line of lines) {
      const p = /^@param (\w+)\s*(.*)$/.exec(line);
      if (p) {
        if (p[2]) params.set(p[1], unescapeDoc(p[2]));
      } else if (line.trim() && description === undefined) description = unescapeDoc(line);
    }
    docs.set(m[2], { description, params });
  }
  return docs;
}

function readOperation(method: string, request: string, response: string, doc: OperationDoc | undefined): ApiOperation {
  const path = /const localVarPath = '([^']+)'/.exec(request)![1];
  const httpMethod = /HttpMethod\.(\w+)/.exec(request)![1];
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m): ApiParameter => ({ name: m[1], in: 'path', type: 'string', description: doc?.params.get(m[1]) }));
  const queryParams = [...request.matchAll(QUERY)].map((m): ApiParameter => ({ name: m[1], in: 'query', type: m[2], description: doc?.params.get(m[1]) }));
  const bodyType = /ObjectSerializer\.serialize\(body, "([^"]+)"/.exec(request);
  const mediaTypes = /getPreferredMediaType\(\[([^\]]*)\]\)/.exec(request);
  const body = bodyType
    ? {
        type: bodyType[1],
        required: /verify required parameter 'body'/.test(request),
        contentTypes: mediaTypes ? [...mediaTypes[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [],
      }
    : undefined;
  const responses = new Map<string, string>();
  for (const m of response.matchAll(RESPONSE)) responses.set(m[1], m[2]);
  return { method, httpMethod, path, description: doc?.description, parameters: [...pathParams, ...queryParams], body, responses };
}

/** Reads `<apisDir>/<Name>Api.js` (and its .d.ts) into an ApiClass. */
export function readApiClass(apisDir: string, name: string): ApiClass {
  const source = readFileSync(join(apisDir, `${name}Api.js`), 'utf8');
  const docs = readDocs(readFileSync(join(apisDir, `${name}Api.d.ts`), 'utf8'));
  const processorAt = source.indexOf(`export class ${name}ApiResponseProcessor`);
  const requests = methodBodies(source.slice(0, processorAt));
  const responses = methodBodies(source.slice(processorAt));
  const operations = [...requests].map(([method, request]) =>
    readOperation(method, request, responses.get(`${method}WithHttpInfo`) ?? '', docs.get(method)),
  );
  const root = operations.find((o) => o.method === 'getAPIResources');
  if (!root) throw new Error(`${name}Api has no getAPIResources operation`);
  const groupVersion = root.path.replace(/^\/apis?\//, '').replace(/\/$/, '');
  return { name, groupVersion, operations };
}
