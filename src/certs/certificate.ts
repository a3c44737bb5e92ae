// Builds and signs X.509 v3 certificates with ECDSA P-256 / SHA-256, using node:crypto for the keys
// and the signature and der.ts for the encoding.
import { X509Certificate, createPrivateKey, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { certificateSubject } from './der-reader.js';
import {
  bitString, explicit, objectIdentifier, sequence, singletonSet, time, unsignedInteger, utf8String,
} from './der.js';
import { authorityKeyIdentifier, subjectKeyIdentifier } from './x509-extensions.js';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const OID_COMMON_NAME = '2.5.4.3';
const OID_ORGANIZATION = '2.5.4.10';
/** notBefore is set this far in the past so a client whose clock lags a little still accepts it. */
const BACKDATE_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DistinguishedName {
  commonName: string;
  /** Kubernetes reads each O as a group. */
  organizations?: readonly string[];
}

export interface CertificateTemplate {
  subject: DistinguishedName;
  publicKey: KeyObject;
  days: number;
  /** DER extensions; the key identifiers are added by signCertificate. */
  extensions: readonly Buffer[];
}

/** Who signs: the issuer's subject (as encoded in its certificate), key and public key. */
export interface Signer {
  name: Buffer;
  privateKey: KeyObject;
  spki: Buffer;
}

function attribute(oid: string, value: string): Buffer {
  return singletonSet(sequence(objectIdentifier(oid), utf8String(value)));
}

function encodeName(dn: DistinguishedName): Buffer {
  const orgs = (dn.organizations ?? []).map((o) => attribute(OID_ORGANIZATION, o));
  return sequence(...orgs, attribute(OID_COMMON_NAME, dn.commonName));
}

/** A positive 16-byte serial (126 random bits); the first byte keeps the INTEGER minimal and positive. */
function serialNumber(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x3f) | 0x40;
  return unsignedInteger(bytes);
}

export function signerFromPem(certPem: string, keyPem: string): Signer {
  const cert = new X509Certificate(certPem);
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  return { name: certificateSubject(cert.raw), privateKey: createPrivateKey(keyPem), spki };
}

/** A certificate for `template` signed by `signer` (its issuer is the signer's subject). */
export function signCertificate(template: CertificateTemplate, signer: Signer, now = new Date()): string {
  return build(template, signer, true, now);
}

/** A self-signed certificate: `privateKey` must be the pair of `template.publicKey`. */
export function selfSignCertificate(template: CertificateTemplate, privateKey: KeyObject, now = new Date()): string {
  const spki = template.publicKey.export({ type: 'spki', format: 'der' });
  return build(template, { name: encodeName(template.subject), privateKey, spki }, false, now);
}

function build(template: CertificateTemplate, signer: Signer, withAuthorityKeyId: boolean, now: Date): string {
  const spki = template.publicKey.export({ type: 'spki', format: 'der' });
  const extensions = [...template.extensions, subjectKeyIdentifier(spki)];
  if (withAuthorityKeyId) extensions.push(authorityKeyIdentifier(signer.spki));
  const algorithm = sequence(objectIdentifier(ECDSA_WITH_SHA256));
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const notAfter = new Date(now.getTime() + template.days * DAY_MS);
  const tbs = sequence(
    explicit(0, unsignedInteger(Buffer.from([2]))), // version v3
    serialNumber(),
    algorithm,
    signer.name,
    sequence(time(notBefore), time(notAfter)),
    encodeName(template.subject),
    spki,
    explicit(3, sequence(...extensions)),
  );
  // node:crypto signs ECDSA as a DER Ecdsa-Sig-Value, the form X.509 carries.
  const signature = sign('sha256', tbs, signer.privateKey);
  return toPem(sequence(tbs, algorithm, bitString(signature)));
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
