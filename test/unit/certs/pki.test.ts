import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadOrCreatePKI } from '../../../src/certs/pki.js';
import { PKI_FILE_NAMES } from '../../../src/certs/pki-files.js';
import { signCertificate, signerFromPem } from '../../../src/certs/certificate.js';
import { basicConstraints } from '../../../src/certs/x509-extensions.js';
import { tempDir } from './temp-dir.js';

const options = { hosts: [], serviceClusterIP: '10.96.0.1' };

async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = Object.values(PKI_FILE_NAMES);
  const contents = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  return Object.fromEntries(names.map((n, i) => [n, contents[i]]));
}

test('first start creates every file with the right modes; a restart reuses them byte for byte', async () => {
  const dir = join(await tempDir('pki'), 'certs');
  let started = performance.now();
  const first = await loadOrCreatePKI(dir, options);
  const createMs = performance.now() - started;
  started = performance.now();
  const second = await loadOrCreatePKI(dir, options);
  const reuseMs = performance.now() - started;
  console.log(`PKI first creation ${createMs.toFixed(1)} ms, reuse ${reuseMs.toFixed(1)} ms`);

  assert.equal((await stat(dir)).mode & 0o777, 0o700);
  for (const name of Object.values(PKI_FILE_NAMES)) {
    const expected = name.endsWith('.key') ? 0o600 : 0o644;
    assert.equal((await stat(join(dir, name))).mode & 0o777, expected, name);
  }
  assert.deepEqual(second, first);
  const files = await snapshot(dir);
  assert.equal(files['ca.crt'], first.caCertPem);
  assert.equal(files['apiserver.key'], first.servingKeyPem);
  assert.equal(files['sa.pub'], first.serviceAccountPublicKeyPem);
});

test('the CA is a 10-year CA named kubefake-ca', async () => {
  const pki = await loadOrCreatePKI(await tempDir('ca'), options);
  const ca = new X509Certificate(pki.caCertPem);
  assert.equal(ca.subject, 'CN=kubefake-ca');
  assert.equal(ca.ca, true);
  assert.ok(ca.verify(ca.publicKey));
  const years = (Date.parse(ca.validTo) - Date.parse(ca.validFrom)) / (365 * 864e5);
  assert.ok(years > 9.99 && years < 10.01, `CA lifetime ${years} years`);
});

test('the serving certificate verifies against the CA and names every API server host', async () => {
  const pki = await loadOrCreatePKI(await tempDir('serving'), { hosts: ['kubefake.test', '192.0.2.7'], serviceClusterIP: '10.96.0.1' });
  const ca = new X509Certificate(pki.caCertPem);
  const serving = new X509Certificate(pki.servingCertPem);
  assert.equal(serving.subject, 'CN=kube-apiserver');
  assert.equal(serving.ca, false);
  assert.ok(serving.checkIssued(ca) && serving.verify(ca.publicKey));
  assert.ok(serving.checkPrivateKey(createPrivateKey(pki.servingKeyPem)));
  assert.deepEqual(serving.keyUsage, ['1.3.6.1.5.5.7.3.1']); // serverAuth
  const sans = serving.subjectAltName?.split(', ') ?? [];
  for (const dns of ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc',
    'kubernetes.default.svc.cluster.local', 'kubefake.test']) {
    assert.ok(sans.includes(`DNS:${dns}`), `missing DNS:${dns} in ${sans.join(', ')}`);
  }
  for (const ip of ['127.0.0.1', '::1', '10.96.0.1', '192.0.2.7']) assert.equal(serving.checkIP(ip), ip);
  const days = (Date.parse(serving.validTo) - Date.now()) / 864e5;
  assert.ok(days > 364 && days <= 365, `serving lifetime ${days} days`);
});

test('the admin certificate is kubefake-admin in system:masters, for client auth', async () => {
  const pki = await loadOrCreatePKI(await tempDir('admin'), options);
  const admin = new X509Certificate(pki.adminCertPem);
  assert.equal(admin.subject, 'O=system:masters\nCN=kubefake-admin');
  assert.deepEqual(admin.keyUsage, ['1.3.6.1.5.5.7.3.2']); // clientAuth
  assert.ok(admin.verify(new X509Certificate(pki.caCertPem).publicKey));
});

test('the service-account key pair signs and verifies (ES256)', async () => {
  const pki = await loadOrCreatePKI(await tempDir('sa'), options);
  assert.ok(pki.serviceAccountKeyPem && pki.serviceAccountPublicKeyPem);
  const signature = sign('sha256', Buffer.from('token'), { key: pki.serviceAccountKeyPem, dsaEncoding: 'ieee-p1363' });
  assert.equal(signature.length, 64);
  assert.ok(verify('sha256', Buffer.from('token'),
    { key: createPublicKey(pki.serviceAccountPublicKeyPem), dsaEncoding: 'ieee-p1363' }, signature));
});

test('a new host replaces only the serving certificate', async () => {
  const dir = await tempDir('hosts');
  const first = await loadOrCreatePKI(dir, options);
  const second = await loadOrCreatePKI(dir, { hosts: ['new.example.test'], serviceClusterIP: '10.96.0.1' });
  assert.notEqual(second.servingCertPem, first.servingCertPem);
  assert.equal(new X509Certificate(second.servingCertPem).checkHost('new.example.test'), 'new.example.test');
  assert.deepEqual({ ...second, servingCertPem: '', servingKeyPem: '' }, { ...first, servingCertPem: '', servingKeyPem: '' });
  // Dropping the host again keeps the wider certificate.
  assert.equal((await loadOrCreatePKI(dir, options)).servingCertPem, second.servingCertPem);
});

test('an expired serving certificate is replaced, keeping the CA', async () => {
  const dir = await tempDir('expired');
  const first = await loadOrCreatePKI(dir, options);
  const twoYearsAgo = new Date(Date.now() - 2 * 365 * 864e5);
  const expired = signCertificate(
    { subject: { commonName: 'kube-apiserver' }, publicKey: createPublicKey(first.servingKeyPem), days: 365, extensions: [basicConstraints(false)] },
    signerFromPem(first.caCertPem, first.caKeyPem),
    twoYearsAgo,
  );
  await writeFile(join(dir, 'apiserver.crt'), expired);
  const second = await loadOrCreatePKI(dir, options);
  assert.notEqual(second.servingCertPem, expired);
  assert.equal(second.caCertPem, first.caCertPem);
  assert.equal(await readFile(join(dir, 'apiserver.crt'), 'utf8'), second.servingCertPem);
});

test('a damaged CA is replaced and every certificate with it; the SA key pair survives', async () => {
  const dir = await tempDir('damaged');
  const first = await loadOrCreatePKI(dir, options);
  await writeFile(join(dir, 'ca.key'), 'not a key');
  const second = await loadOrCreatePKI(dir, options);
  assert.notEqual(second.caCertPem, first.caCertPem);
  assert.notEqual(second.servingCertPem, first.servingCertPem);
  assert.notEqual(second.adminCertPem, first.adminCertPem);
  assert.equal(second.serviceAccountKeyPem, first.serviceAccountKeyPem);
  assert.ok(new X509Certificate(second.adminCertPem).verify(new X509Certificate(second.caCertPem).publicKey));
  assert.equal((await stat(join(dir, 'ca.key'))).mode & 0o777, 0o600);
});

test('an unusable cert dir fails with a clear message', async () => {
  const base = await tempDir('blocked');
  await writeFile(join(base, 'file'), '');
  await assert.rejects(loadOrCreatePKI(join(base, 'file', 'certs'), options),
    /^Error: cannot create certificate directory .*file\/certs: a path component is not a directory; pass a writable --cert-dir$/);
});

test('bad hosts are refused before anything is written', async () => {
  const dir = join(await tempDir('badhost'), 'certs');
  await assert.rejects(loadOrCreatePKI(dir, { hosts: ['bad host'], serviceClusterIP: '10.96.0.1' }),
    /certificate host "bad host" is neither an IP address nor a DNS name/);
  await assert.rejects(loadOrCreatePKI(dir, { hosts: [], serviceClusterIP: 'kubernetes' }),
    /serviceClusterIP must be an IP address/);
  await assert.rejects(stat(dir), { code: 'ENOENT' });
});
