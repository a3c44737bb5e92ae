// The X.509 v3 extensions kubefake's certificates carry (RFC 5280 4.2.1), each DER-encoded.
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { subjectPublicKeyBits } from './der-reader.js';
import { boolean, implicit, namedBits, objectIdentifier, octetString, sequence } from './der.js';

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? sequence(objectIdentifier(oid), boolean(true), octetString(value))
    : sequence(objectIdentifier(oid), octetString(value));
}

/** cA TRUE for a CA; an empty SEQUENCE (cA defaults to FALSE) for an end entity. */
export function basicConstraints(isCA: boolean): Buffer {
  return extension('2.5.29.19', true, isCA ? sequence(boolean(true)) : sequence());
}

export const KeyUsage = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 } as const;

export function keyUsage(bits: readonly number[]): Buffer {
  return extension('2.5.29.15', true, namedBits(bits));
}

export const ExtKeyUsage = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2' } as const;

export function extKeyUsage(oids: readonly string[]): Buffer {
  return extension('2.5.29.37', false, sequence(...oids.map(objectIdentifier)));
}

/** An IPv4 or IPv6 address as the 4 or 16 bytes of an iPAddress GeneralName. */
export function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  if (!isIPv6(ip)) throw new Error(`not an IP address: ${ip}`);
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(ip)?.[1];
  const groups = (half: string): number[] => (half === '' ? [] : half.split(':').map((g) => parseInt(g, 16)));
  const v6 = v4Tail ? ip.slice(0, -v4Tail.length) + '0:0' : ip;
  const [head, tail] = v6.includes('::') ? v6.split('::') : [v6, undefined];
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = Buffer.alloc(16);
  all.forEach((g, i) => bytes.writeUInt16BE(g, i * 2));
  if (v4Tail) Buffer.from(v4Tail.split('.').map(Number)).copy(bytes, 12);
  return bytes;
}

/** dNSName and iPAddress entries; each host is sorted by whether it parses as an IP. */
export function subjectAltName(hosts: readonly string[]): Buffer {
  const names = hosts.map((h) => (isIPv4(h) || isIPv6(h) ? implicit(7, ipBytes(h)) : implicit(2, Buffer.from(h, 'ascii'))));
  return extension('2.5.29.17', false, sequence(...names));
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(spkiDer: Buffer): Buffer {
  return createHash('sha1').update(subjectPublicKeyBits(spkiDer)).digest();
}

export function subjectKeyIdentifier(spkiDer: Buffer): Buffer {
  return extension('2.5.29.14', false, octetString(keyIdentifier(spkiDer)));
}

export function authorityKeyIdentifier(issuerSpkiDer: Buffer): Buffer {
  return extension('2.5.29.35', false, sequence(implicit(0, keyIdentifier(issuerSpkiDer))));
}
