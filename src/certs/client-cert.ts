// Client certificates for Kubernetes users: CN is the user name, each O a group.
import { createPublicKey } from 'node:crypto';
import { signCertificate, signerFromPem } from './certificate.js';
import type { CertAndKey } from './cluster-certs.js';
import { generateKeyPair } from './keys.js';
import type { ClusterPKI } from './pki.js';
import { ExtKeyUsage, KeyUsage, basicConstraints, extKeyUsage, keyUsage } from './x509-extensions.js';

const DEFAULT_CLIENT_DAYS = 365;

/** A client certificate for `user` in `groups`, signed by `ca`. */
export function signClientCert(ca: CertAndKey, user: string, groups: readonly string[], days = DEFAULT_CLIENT_DAYS): CertAndKey {
  if (user === '') throw new Error('a client certificate needs a non-empty user name');
  if (!(days > 0)) throw new Error(`client certificate lifetime must be a positive number of days, got ${days}`);
  const { privateKeyPem, publicKeyPem } = generateKeyPair();
  const certPem = signCertificate(
    {
      subject: { commonName: user, organizations: groups },
      publicKey: createPublicKey(publicKeyPem),
      days,
      extensions: [
        basicConstraints(false),
        keyUsage([KeyUsage.digitalSignature]),
        extKeyUsage([ExtKeyUsage.clientAuth]),
      ],
    },
    signerFromPem(ca.certPem, ca.keyPem),
  );
  return { certPem, keyPem: privateKeyPem };
}

/** A client certificate signed by the cluster CA (for `kubefake kubeconfig --user alice --group dev`). */
export function issueClientCert(pki: ClusterPKI, user: string, groups: string[], days?: number): { certPem: string; keyPem: string } {
  return signClientCert({ certPem: pki.caCertPem, keyPem: pki.caKeyPem }, user, groups, days);
}
