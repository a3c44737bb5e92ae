import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OpenAPIService } from '../../../src/discovery/openapi.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'openapi');

async function serve(service: OpenAPIService): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!service.handle(req, res, url.pathname, url.searchParams)) {
      res.writeHead(418);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('OpenAPIService', () => {
  let server: Server;
  let base: string;
  before(async () => {
    const started = Date.now();
    const service = await OpenAPIService.load(dir, { servedGroupVersions: new Set(['v1', 'apps/v1']) });
    assert.ok(Date.now() - started < 300, 'loading reads only the index');
    ({ server, base } = await serve(service));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${base}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(5000) });

  it('lists served group versions with their hash, and answers 304 to a matching If-None-Match', async () => {
    const res = await get('/openapi/v3?timeout=32s', { Accept: 'application/json, */*' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const body = (await res.json()) as { paths: Record<string, { serverRelativeURL: string }> };
    assert.deepEqual(Object.keys(body.paths), ['api/v1', 'apis/apps/v1']);
    assert.match(body.paths['api/v1'].serverRelativeURL, /^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
    const etag = res.headers.get('etag')!;
    assert.match(etag, /^"[0-9A-F]{128}"$/);
    const again = await get('/openapi/v3', { 'If-None-Match': etag });
    assert.equal(again.status, 304);
  });

  it('serves a group version immutably when fetched by its hash', async () => {
    const index = (await (await get('/openapi/v3')).json()) as { paths: Record<string, { serverRelativeURL: string }> };
    const url = index.paths['apis/apps/v1'].serverRelativeURL;
    const res = await get(`${url}&timeout=32s`, { Accept: 'application/json' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, immutable');
    assert.ok(Date.parse(res.headers.get('expires')!) > Date.now() + 300 * 24 * 3600 * 1000);
    assert.equal(res.headers.get('etag'), `"${url.split('hash=')[1]}"`);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.0.0');
    assert.ok(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']);
    const cached = await get(url, { 'If-None-Match': res.headers.get('etag')! });
    assert.equal(cached.status, 304);
  });

  it('is not cacheable without a hash, and redirects a stale hash', async () => {
    const res = await get('/openapi/v3/api/v1');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-cache, private');
    await res.arrayBuffer();
    const stale = await get('/openapi/v3/api/v1?hash=ABC');
    assert.equal(stale.status, 301);
    assert.match(stale.headers.get('location')!, /^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
  });

  it('answers 404 page not found for group versions it does not serve', async () => {
    for (const path of ['/openapi/v3/apis/batch/v1', '/openapi/v3/apis/nope/v1']) {
      const res = await get(path);
      assert.equal(res.status, 404);
      assert.equal(await res.text(), '404 page not found\n');
    }
  });

  it('serves /openapi/v2 as JSON or protobuf, and 406 otherwise', async () => {
    const res = await get('/openapi/v2?timeout=32s', { Accept: 'application/json' });
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { swagger: string; definitions: Record<string, unknown> };
    assert.equal(doc.swagger, '2.0');
    assert.ok(doc.definitions['io.k8s.api.core.v1.Pod']);
    const proto = await get('/openapi/v2', { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
    assert.equal(proto.status, 200);
    assert.equal(proto.headers.get('content-type'), 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    await proto.arrayBuffer();
    const refused = await get('/openapi/v2', { Accept: 'text/html' });
    assert.equal(refused.status, 406);
    assert.equal(refused.headers.get('content-type'), 'application/json');
    const status = (await refused.json()) as { kind: string; reason: string; code: number };
    assert.deepEqual([status.kind, status.reason, status.code], ['Status', 'NotAcceptable', 406]);
  });

  it('leaves other paths alone', async () => {
    const res = await get('/openapi/v4');
    assert.equal(res.status, 418);
    await res.arrayBuffer();
  });
});
