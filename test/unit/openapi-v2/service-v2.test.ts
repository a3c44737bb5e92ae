// GET /openapi/v2 as kube-openapi's handler answers it: JSON or gnostic protobuf by Accept (by q,
// concrete types before wildcards), one ETag for both with Vary: Accept, 304 on If-None-Match.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OpenAPIService } from '../../../src/discovery/openapi.js';
import { one, readFields, text } from './proto-fields.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'openapi');
const PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
const PROTOBUF_REPLY = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

describe('OpenAPIService /openapi/v2', () => {
  let server: Server;
  let base = '';
  before(async () => {
    const service = await OpenAPIService.load(dir);
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (!service.handle(req, res, url.pathname, url.searchParams)) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${base}/openapi/v2?timeout=32s`, { headers, signal: AbortSignal.timeout(20000) });

  it('answers kubectl protobuf Accept with the gnostic document and the JSON ETag', async () => {
    const json = await get({ Accept: 'application/json' });
    assert.equal(json.headers.get('content-type'), 'application/json');
    await json.arrayBuffer();
    const res = await get({ Accept: PROTOBUF });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), PROTOBUF_REPLY);
    assert.equal(res.headers.get('vary'), 'Accept');
    assert.equal(res.headers.get('etag'), json.headers.get('etag'));
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(Number(res.headers.get('content-length')), bytes.length);
    assert.equal(text(one(readFields(bytes), 1)), '2.0');
    const again = new Uint8Array(await (await get({ Accept: PROTOBUF_REPLY })).arrayBuffer());
    assert.deepEqual(again, bytes);
    const cached = await get({ Accept: PROTOBUF, 'If-None-Match': res.headers.get('etag')! });
    assert.equal(cached.status, 304);
  });

  it('negotiates as goautoneg does', async () => {
    const type = async (accept: string | undefined): Promise<string | null> => {
      const res = await get(accept === undefined ? {} : { Accept: accept });
      await res.arrayBuffer();
      return res.status === 200 ? res.headers.get('content-type') : String(res.status);
    };
    assert.equal(await type('*/*'), 'application/json');
    assert.equal(await type('application/json, */*'), 'application/json');
    assert.equal(await type(`application/json;q=0.5, ${PROTOBUF}`), PROTOBUF_REPLY);
    assert.equal(await type(`*/*, ${PROTOBUF}`), PROTOBUF_REPLY);
    assert.equal(await type('application/*'), 'application/json');
    assert.equal(await type('text/html'), '406');
  });
});
