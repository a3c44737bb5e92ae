import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { issueClientCert } from '../../../src/certs/client-cert.js';
import { loadOrCreatePKI } from '../../../src/certs/pki.js';
import { tempDir } from './temp-dir.js';

const pki = await loadOrCreatePKI(await tempDir('client'), { hosts: [], serviceClusterIP: '10.96.0.1' });

test('a user certificate carries the user as CN and each group as an O, signed by the cluster CA', () => {
  const { certPem, keyPem } = issueClientCert(pki, 'alice@example.com', ['dev', 'ops']);
  const cert = new X509Certificate(certPem);
  assert.equal(cert.subject, 'O=dev\nO=ops\nCN=alice@example.com');
  assert.ok(cert.checkIssued(new X509Certificate(pki.caCertPem)));
  assert.ok(cert.verify(new X509Certificate(pki.caCertPem).publicKey));
  assert.ok(cert.checkPrivateKey(createPrivateKey(keyPem)));
  assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.2']);
});

test('lifetime defaults to a year and can be set in days', () => {
  const daysLeft = (pem: string): number => (Date.parse(new X509Certificate(pem).validTo) - Date.now()) / 864e5;
  assert.ok(Math.abs(daysLeft(issueClientCert(pki, 'bob', []).certPem) - 365) < 0.01);
  assert.ok(Math.abs(daysLeft(issueClientCert(pki, 'bob', [], 2).certPem) - 2) < 0.01);
});

test('bad input is refused', () => {
  assert.throws(() => issueClientCert(pki, '', ['dev']), /non-empty user name/);
  assert.throws(() => issueClientCert(pki, 'bob', [], 0), /positive number of days/);
});
