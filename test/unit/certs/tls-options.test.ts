import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import type { RequestOptions } from 'node:https';
import { loadOrCreatePKI } from '../../../src/certs/pki.js';
import { signClientCert } from '../../../src/certs/client-cert.js';
import { createCA } from '../../../src/certs/cluster-certs.js';
import { startTLSServer, VERSION_BODY } from './tls-server.js';
import { tempDir } from './temp-dir.js';

const pki = await loadOrCreatePKI(await tempDir('tls'), { hosts: [], serviceClusterIP: '10.96.0.1' });
const { url, seen } = await startTLSServer(pki);

function get(options: RequestOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/version`, { ca: pki.caCertPem, agent: false, timeout: 5000, ...options }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error('timed out'))).on('error', reject).end();
  });
}

test('a client presenting the admin certificate is authorized as kubefake-admin in system:masters', async () => {
  assert.equal(await get({ cert: pki.adminCertPem, key: pki.adminKeyPem }), VERSION_BODY);
  const last = seen.at(-1);
  assert.equal(last?.authorized, true);
  assert.equal(last?.subject?.CN, 'kubefake-admin');
  assert.equal(last?.subject?.O, 'system:masters');
});

test('a certificate from another CA completes the handshake but is not authorized', async () => {
  const stranger = signClientCert(createCA(), 'mallory', ['system:masters']);
  assert.equal(await get({ cert: stranger.certPem, key: stranger.keyPem }), VERSION_BODY);
  assert.equal(seen.at(-1)?.authorized, false);
  assert.equal(seen.at(-1)?.subject?.CN, 'mallory');
});

test('a client without a certificate is served (the certificate is requested, not required)', async () => {
  assert.equal(await get({}), VERSION_BODY);
  assert.equal(seen.at(-1)?.authorized, false);
  assert.equal(seen.at(-1)?.subject, undefined);
});

test('ALPN settles on http/1.1 when h2 is offered first', async () => {
  await get({ ALPNProtocols: ['h2', 'http/1.1'] } as RequestOptions);
  assert.equal(seen.at(-1)?.alpn, 'http/1.1');
});

test('TLS 1.2 is accepted and anything older refused', async () => {
  await get({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
  assert.equal(seen.at(-1)?.protocol, 'TLSv1.2');
  // The client lowers its own security level so that the refusal can only come from the server.
  await assert.rejects(get({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }),
    /alert protocol version/);
});

test('the serving certificate fails verification for a name it does not carry', async () => {
  await assert.rejects(get({ servername: 'elsewhere.example' }),
    /Hostname\/IP does not match|ERR_TLS_CERT_ALTNAME_INVALID/);
});
