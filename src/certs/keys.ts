// Key pairs for every certificate and the service-account signer: ECDSA P-256 from node:crypto.
import { generateKeyPairSync } from 'node:crypto';

export interface KeyPairPem {
  /** PKCS#8 ("PRIVATE KEY"), which Go's tls.X509KeyPair and node:crypto both read. */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo ("PUBLIC KEY"). */
  publicKeyPem: string;
}

/** A new P-256 key pair; takes about a millisecond (RSA-2048 takes 50-600 ms). */
export function generateKeyPair(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}
