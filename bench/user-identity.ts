// A client identity for a user other than the admin: a certificate signed by the cluster CA kept in
// the data dir's certs/ folder, for the TLS agent the bench drives kubefake with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signClientCert } from '../src/certs/client-cert.js';
import type { TlsIdentity } from './client.js';

export function userIdentity(dataDir: string, user: string, groups: string[]): TlsIdentity {
  const certs = join(dataDir, 'certs');
  const ca = { certPem: readFileSync(join(certs, 'ca.crt'), 'utf8'), keyPem: readFileSync(join(certs, 'ca.key'), 'utf8') };
  const { certPem, keyPem } = signClientCert(ca, user, groups);
  return { ca: ca.certPem, cert: certPem, key: keyPem };
}
