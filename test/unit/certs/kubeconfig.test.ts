import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildKubeconfig, writeKubeconfig } from '../../../src/certs/kubeconfig.js';
import { loadOrCreatePKI } from '../../../src/certs/pki.js';
import { tempDir } from './temp-dir.js';

const pki = await loadOrCreatePKI(await tempDir('kc-pki'), { hosts: [], serviceClusterIP: '10.96.0.1' });
const fromBase64 = (s: unknown): string => Buffer.from(String(s), 'base64').toString('utf8');

test('the kubeconfig embeds CA, client certificate and key and selects its context', () => {
  const text = buildKubeconfig({
    server: 'https://127.0.0.1:6443',
    caPem: pki.caCertPem,
    clientCertPem: pki.adminCertPem,
    clientKeyPem: pki.adminKeyPem,
  });
  const config = parse(text);
  assert.equal(config.apiVersion, 'v1');
  assert.equal(config.kind, 'Config');
  assert.equal(config['current-context'], 'kubefake');
  assert.deepEqual(config.contexts, [{ name: 'kubefake', context: { cluster: 'kubefake', user: 'kubefake-admin' } }]);
  assert.equal(config.clusters[0].name, 'kubefake');
  assert.equal(config.clusters[0].cluster.server, 'https://127.0.0.1:6443');
  assert.equal(fromBase64(config.clusters[0].cluster['certificate-authority-data']), pki.caCertPem);
  assert.equal(config.users[0].name, 'kubefake-admin');
  assert.equal(fromBase64(config.users[0].user['client-certificate-data']), pki.adminCertPem);
  assert.equal(fromBase64(config.users[0].user['client-key-data']), pki.adminKeyPem);
});

test('names and namespace can be chosen', () => {
  const config = parse(buildKubeconfig({
    server: 'https://localhost:6443', caPem: pki.caCertPem, clientCertPem: pki.adminCertPem, clientKeyPem: pki.adminKeyPem,
    clusterName: 'dev', userName: 'alice', contextName: 'alice@dev', namespace: 'team-a',
  }));
  assert.equal(config['current-context'], 'alice@dev');
  assert.deepEqual(config.contexts[0], { name: 'alice@dev', context: { cluster: 'dev', namespace: 'team-a', user: 'alice' } });
  assert.equal(config.users[0].name, 'alice');
});

test('writeKubeconfig creates parent dirs and leaves the file readable by its owner only', async () => {
  const path = join(await tempDir('kc'), 'nested', '.kube', 'config');
  await writeKubeconfig(path, 'first');
  assert.equal(await readFile(path, 'utf8'), 'first');
  assert.equal((await stat(path)).mode & 0o777, 0o600);
  const loose = join(await tempDir('kc-loose'), 'config');
  await writeFile(loose, 'old', { mode: 0o644 });
  await writeKubeconfig(loose, 'second');
  assert.equal((await stat(loose)).mode & 0o777, 0o600);
  assert.equal(await readFile(loose, 'utf8'), 'second');
});
