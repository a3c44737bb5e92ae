// Whether certificates and keys found in the cert dir can be reused as they are.
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { isIP } from 'node:net';
import type { CertAndKey } from './cluster-certs.js';
import type { KeyPairPem } from './keys.js';

/** Anything expiring sooner than this is replaced at start-up. */
const RENEW_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

export interface StoredPair {
  certPem?: string;
  keyPem?: string;
}

function currentAndMatching(cert: X509Certificate, keyPem: string, now: Date): boolean {
  return (
    new Date(cert.validFrom).getTime() <= now.getTime() &&
    new Date(cert.validTo).getTime() - RENEW_WITHIN_MS > now.getTime() &&
    cert.publicKey.asymmetricKeyType === 'ec' &&
    cert.checkPrivateKey(createPrivateKey(keyPem))
  );
}

/** The stored pair and its parsed certificate when it is a current CA with its key; else undefined. */
export function reusableCA(pair: StoredPair, now: Date): { pair: CertAndKey; cert: X509Certificate } | undefined {
  const { certPem, keyPem } = pair;
  if (certPem === undefined || keyPem === undefined) return undefined;
  try {
    const cert = new X509Certificate(certPem);
    return cert.ca && currentAndMatching(cert, keyPem, now) ? { pair: { certPem, keyPem }, cert } : undefined;
  } catch {
    return undefined; // unreadable: replaced like a missing one
  }
}

function coversHost(cert: X509Certificate, host: string): boolean {
  return isIP(host) ? cert.checkIP(host) !== undefined : cert.checkHost(host, { subject: 'never', wildcards: false }) !== undefined;
}

/** The stored leaf when `ca` issued it and it is current, matches its key and names every host. */
export function reusableLeaf(
  pair: StoredPair, ca: X509Certificate | undefined, now: Date, hosts: readonly string[] = [],
): CertAndKey | undefined {
  const { certPem, keyPem } = pair;
  if (ca === undefined || certPem === undefined || keyPem === undefined) return undefined;
  try {
    const cert = new X509Certificate(certPem);
    const ok = cert.checkIssued(ca) && cert.verify(ca.publicKey) && currentAndMatching(cert, keyPem, now) &&
      hosts.every((h) => coversHost(cert, h));
    return ok ? { certPem, keyPem } : undefined;
  } catch {
    return undefined;
  }
}

/** The stored key pair when the public key is the private key's. */
export function reusableKeyPair(privateKeyPem: string | undefined, publicKeyPem: string | undefined): KeyPairPem | undefined {
  if (privateKeyPem === undefined || publicKeyPem === undefined) return undefined;
  try {
    const derived = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
    const same = derived.equals(createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' }));
    return same ? { privateKeyPem, publicKeyPem } : undefined;
  } catch {
    return undefined;
  }
}
