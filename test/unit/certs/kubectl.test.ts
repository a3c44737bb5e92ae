// Real kubectl (Go crypto/tls) against a tiny HTTPS server using the generated PKI and kubeconfig.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { buildKubeconfig, writeKubeconfig } from '../../../src/certs/kubeconfig.js';
import { issueClientCert } from '../../../src/certs/client-cert.js';
import { loadOrCreatePKI } from '../../../src/certs/pki.js';
import { startTLSServer } from './tls-server.js';
import { tempDir } from './temp-dir.js';

function findKubectl(): string | undefined {
  if (process.env.KUBECTL) return process.env.KUBECTL;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, 'kubectl'), constants.X_OK);
      return join(dir, 'kubectl');
    } catch {
      // not in this PATH entry
    }
  }
  return undefined;
}

const kubectl = findKubectl();
if (!kubectl) {
  console.error('\n!!!!!!!! SKIPPING the kubectl TLS test: no kubectl on PATH and $KUBECTL is unset !!!!!!!!\n');
}

test('kubectl verifies the serving certificate with the embedded CA and presents the client certificate',
  { skip: kubectl ? false : 'kubectl not found (set $KUBECTL or put it on PATH)' }, async () => {
    const dir = await tempDir('kubectl');
    const pki = await loadOrCreatePKI(join(dir, 'certs'), { hosts: [], serviceClusterIP: '10.96.0.1' });
    const { url, seen } = await startTLSServer(pki);
    const alice = issueClientCert(pki, 'alice', ['dev']);
    const cases = [
      { path: join(dir, 'admin.kubeconfig'), cert: pki.adminCertPem, key: pki.adminKeyPem, user: 'kubefake-admin', group: 'system:masters' },
      { path: join(dir, 'alice.kubeconfig'), cert: alice.certPem, key: alice.keyPem, user: 'alice', group: 'dev' },
    ];
    for (const c of cases) {
      await writeKubeconfig(c.path, buildKubeconfig({ server: url, caPem: pki.caCertPem, clientCertPem: c.cert, clientKeyPem: c.key }));
      const { stdout } = await promisify(execFile)(
        kubectl as string,
        ['--kubeconfig', c.path, '--cache-dir', join(dir, 'cache'), 'version', '-o', 'json'],
        { timeout: 20_000, env: { ...process.env, HOME: dir } },
      );
      assert.equal(JSON.parse(stdout).serverVersion.gitVersion, 'v1.32.4');
      const requests = seen.splice(0);
      assert.ok(requests.length >= 1, 'kubectl made no request');
      for (const r of requests) {
        assert.equal(r.authorized, true, `${r.url} came without a valid client certificate`);
        assert.deepEqual([r.subject?.CN, r.subject?.O], [c.user, c.group]);
        assert.equal(r.alpn, 'http/1.1');
      }
    }
  });
