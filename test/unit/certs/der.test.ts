import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namedBits, objectIdentifier, time, unsignedInteger } from '../../../src/certs/der.js';
import { certificateSubject } from '../../../src/certs/der-reader.js';
import { ipBytes } from '../../../src/certs/x509-extensions.js';
import { createCA } from '../../../src/certs/cluster-certs.js';
import { X509Certificate } from 'node:crypto';

const hex = (b: Buffer): string => b.toString('hex');

test('OIDs encode base-128 arcs', () => {
  assert.equal(hex(objectIdentifier('1.2.840.10045.4.3.2')), '06082a8648ce3d040302');
  assert.equal(hex(objectIdentifier('2.5.29.17')), '0603551d11');
});

test('INTEGERs are minimal and positive', () => {
  assert.equal(hex(unsignedInteger(Buffer.from([0x00, 0x00, 0x7f]))), '02017f');
  assert.equal(hex(unsignedInteger(Buffer.from([0x80]))), '02020080');
  assert.equal(hex(unsignedInteger(Buffer.from([0x00]))), '020100');
});

test('named bit strings drop trailing zero bits', () => {
  assert.equal(hex(namedBits([0])), '03020780'); // digitalSignature
  assert.equal(hex(namedBits([0, 5, 6])), '03020186'); // digitalSignature, keyCertSign, cRLSign
  assert.equal(hex(namedBits([0, 2])), '030205a0'); // digitalSignature, keyEncipherment
});

test('UTCTime before 2050, GeneralizedTime after', () => {
  assert.equal(time(new Date('2036-01-02T03:04:05Z')).toString('latin1', 2), '360102030405Z');
  assert.equal(time(new Date('2050-01-02T03:04:05Z')).toString('latin1', 2), '20500102030405Z');
  assert.equal(time(new Date('2050-01-02T03:04:05Z'))[0], 0x18);
});

test('IP addresses become 4 or 16 bytes', () => {
  assert.equal(hex(ipBytes('10.96.0.1')), '0a600001');
  assert.equal(hex(ipBytes('::1')), '00000000000000000000000000000001');
  assert.equal(hex(ipBytes('fe80::1')), 'fe800000000000000000000000000001');
  assert.equal(hex(ipBytes('2001:db8::8:800:200c:417a')), '20010db80000000000080800200c417a');
  assert.equal(hex(ipBytes('::ffff:192.168.1.5')), '00000000000000000000ffffc0a80105');
  assert.equal(hex(ipBytes('1:2:3:4:5:6:7:8')), '00010002000300040005000600070008');
  assert.throws(() => ipBytes('example.test'), /not an IP address/);
});

test('the subject is read back byte for byte from a certificate', () => {
  const ca = createCA();
  const subject = certificateSubject(new X509Certificate(ca.certPem).raw);
  // SEQUENCE { SET { SEQUENCE { OID 2.5.4.3, UTF8String "kubefake-ca" } } }
  assert.equal(hex(subject), '3016311430120603550403' + '0c0b' + Buffer.from('kubefake-ca').toString('hex'));
});
