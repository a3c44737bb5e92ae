// Reads the few fields of an existing DER certificate that issuing needs (the issuer's raw subject).

interface Element {
  tag: number;
  /** The whole element, header included. */
  raw: Buffer;
  content: Buffer;
}

function readElement(buf: Buffer, offset: number): Element {
  const tag = buf[offset];
  let length = buf[offset + 1];
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[offset + 2 + i];
    header += count;
  }
  const end = offset + header + length;
  if (tag === undefined || end > buf.length) throw new Error('malformed DER: element runs past its container');
  return { tag, raw: buf.subarray(offset, end), content: buf.subarray(offset + header, end) };
}

/** The elements inside a constructed element's content. */
export function children(content: Buffer): Element[] {
  const out: Element[] = [];
  for (let offset = 0; offset < content.length; offset += out[out.length - 1].raw.length) {
    out.push(readElement(content, offset));
  }
  return out;
}

/** The DER of a certificate's subject Name, byte for byte (a child's issuer must match it). */
export function certificateSubject(certDer: Buffer): Buffer {
  const [tbs] = children(readElement(certDer, 0).content);
  const fields = children(tbs.content);
  const skipVersion = fields[0].tag === 0xa0 ? 1 : 0;
  // TBSCertificate: [version], serialNumber, signature, issuer, validity, subject, ...
  return fields[skipVersion + 4].raw;
}

/** The subjectPublicKey bits of a SubjectPublicKeyInfo (what RFC 5280 key identifiers hash). */
export function subjectPublicKeyBits(spkiDer: Buffer): Buffer {
  const [, bits] = children(readElement(spkiDer, 0).content);
  return bits.content.subarray(1);
}
