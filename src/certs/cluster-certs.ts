// The cluster's CA and API server serving certificate: names, lifetimes and extensions.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { selfSignCertificate, signCertificate, signerFromPem } from './certificate.js';
import { generateKeyPair } from './keys.js';
import { ExtKeyUsage, KeyUsage, basicConstraints, extKeyUsage, keyUsage, subjectAltName } from './x509-extensions.js';

export interface CertAndKey {
  certPem: string;
  keyPem: string;
}

export const CA_COMMON_NAME = 'kubefake-ca';
const CA_DAYS = 3650;
const SERVING_DAYS = 365;

/** Names every in-cluster and local client uses for the API server (as kubeadm's apiserver cert). */
const SERVING_DNS_NAMES = [
  'localhost',
  'kubernetes',
  'kubernetes.default',
  'kubernetes.default.svc',
  'kubernetes.default.svc.cluster.local',
];

export function createCA(): CertAndKey {
  const { privateKeyPem, publicKeyPem } = generateKeyPair();
  const certPem = selfSignCertificate(
    {
      subject: { commonName: CA_COMMON_NAME },
      publicKey: createPublicKey(publicKeyPem),
      days: CA_DAYS,
      extensions: [
        basicConstraints(true),
        keyUsage([KeyUsage.digitalSignature, KeyUsage.keyCertSign, KeyUsage.cRLSign]),
      ],
    },
    createPrivateKey(privateKeyPem),
  );
  return { certPem, keyPem: privateKeyPem };
}

/** Every SAN the serving certificate must carry, without duplicates. */
export function servingHosts(serviceClusterIP: string, extraHosts: readonly string[]): string[] {
  return [...new Set([...SERVING_DNS_NAMES, '127.0.0.1', '::1', serviceClusterIP, ...extraHosts])];
}

export function createServingCert(ca: CertAndKey, hosts: readonly string[]): CertAndKey {
  const { privateKeyPem, publicKeyPem } = generateKeyPair();
  const certPem = signCertificate(
    {
      subject: { commonName: 'kube-apiserver' },
      publicKey: createPublicKey(publicKeyPem),
      days: SERVING_DAYS,
      extensions: [
        basicConstraints(false),
        keyUsage([KeyUsage.digitalSignature]),
        extKeyUsage([ExtKeyUsage.serverAuth]),
        subjectAltName(hosts),
      ],
    },
    signerFromPem(ca.certPem, ca.keyPem),
  );
  return { certPem, keyPem: privateKeyPem };
}
