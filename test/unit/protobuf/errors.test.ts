import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../src/api/errors.js';
import { parseEnvelope } from '../../../src/protobuf/envelope.js';
import { decodeProtobufBody, type ExpectedType } from '../../../src/protobuf/index.js';
import { emptyObjectMeta, envelope, int, message, str } from './encoder.js';
import { SSAR_BASE64 } from './fixtures.js';

const SSAR: ExpectedType = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview' };
const NAMESPACE: ExpectedType = { apiVersion: 'v1', kind: 'Namespace' };

function badRequest(body: Buffer, expected: ExpectedType | undefined, message: string): void {
  assert.throws(
    () => decodeProtobufBody(body, expected),
    (err: unknown) => {
      assert.ok(err instanceof StatusError, `not a StatusError: ${String(err)}`);
      assert.equal(err.code, 400);
      assert.equal(err.reason, 'BadRequest');
      assert.equal(err.status.message, message);
      return true;
    },
  );
}

describe('decodeProtobufBody errors (worded as kube-apiserver transformDecodeError)', () => {
  it('an unreadable envelope: "the object provided is unrecognized" with a hex summary', () => {
    badRequest(Buffer.alloc(0), SSAR, 'the object provided is unrecognized (must be of type SelfSubjectAccessReview): empty data (<empty>)');
    badRequest(
      Buffer.from('{"kind":"SelfSubjectAccessReview","apiVersion":"x"}'),
      SSAR,
      'the object provided is unrecognized (must be of type SelfSubjectAccessReview): provided data does not appear to be a protobuf message, ' +
        'expected prefix [107 56 115 0] ({"kind":"SelfSubjectAccessRevi ...)',
    );
    badRequest(Buffer.from('k8s\0'), undefined, 'the object provided is unrecognized: empty body (6b387300)');
    const truncated = Buffer.from(SSAR_BASE64, 'base64').subarray(0, 40);
    badRequest(
      truncated,
      SSAR,
      'the object provided is unrecognized (must be of type SelfSubjectAccessReview): unexpected EOF (6b3873000a320a17617574686f72697a6174696f6e2e6b38732e696f2f76 ...)',
    );
  });

  it('a bad typed object: "<Kind> in version ... cannot be handled as a <Kind>"', () => {
    const { raw } = parseEnvelope(Buffer.from(SSAR_BASE64, 'base64'));
    const body = envelope(SSAR.apiVersion, SSAR.kind, Buffer.from(raw.subarray(0, raw.length - 5)));
    badRequest(body, SSAR, 'SelfSubjectAccessReview in version "v1" cannot be handled as a SelfSubjectAccessReview: unexpected EOF');
    badRequest(
      envelope('v1', 'Namespace', message(1, int(1, 5))),
      NAMESPACE,
      'Namespace in version "v1" cannot be handled as a Namespace: proto: wrong wireType = 0 for field Name',
    );
    badRequest(
      envelope('v1', 'Namespace', message(1, Buffer.from([0x00]))),
      NAMESPACE,
      'Namespace in version "v1" cannot be handled as a Namespace: proto: ObjectMeta: illegal tag 0 (wire type 0)',
    );
  });

  it('an unknown kind, or one sent to another endpoint', () => {
    badRequest(
      envelope('v1', 'Node', emptyObjectMeta()),
      NAMESPACE,
      'Node in version "v1" cannot be handled as a Namespace: no kind "Node" is registered for version "v1" in scheme "k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30"',
    );
    badRequest(
      envelope('example.com/v1', 'Widget', Buffer.alloc(0)),
      undefined,
      'Widget in version "v1" cannot be handled as a Widget: no kind "Widget" is registered for version "example.com/v1" in scheme "k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30"',
    );
  });

  it('a missing kind or apiVersion that the endpoint cannot fill', () => {
    badRequest(
      envelope('v1', '', Buffer.alloc(0)),
      undefined,
      `the object provided is unrecognized: Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"v1", Kind:""}' (6b387300${envelope('v1', '', Buffer.alloc(0)).subarray(4).toString('hex')})`,
    );
    badRequest(
      envelope('', 'Namespace', Buffer.alloc(0)),
      undefined,
      `Namespace in version "" cannot be handled as a Namespace: Object 'apiVersion' is missing in 'runtime.TypeMeta{APIVersion:"", Kind:"Namespace"}'`,
    );
  });

  it('values JSON cannot carry: int64 beyond 2^53, times outside years 0-9999', () => {
    badRequest(
      envelope('v1', 'Namespace', message(1, int(7, 2n ** 60n))),
      NAMESPACE,
      `Namespace in version "v1" cannot be handled as a Namespace: proto: int64 ${2n ** 60n} in generation does not fit a JSON number exactly`,
    );
    badRequest(
      envelope('v1', 'Namespace', message(1, message(8, int(1, 300_000_000_000)))),
      NAMESPACE,
      'Namespace in version "v1" cannot be handled as a Namespace: Time.MarshalJSON: year outside of range [0,9999] in creationTimestamp',
    );
  });
});

describe('decodeProtobufBody on garbage', () => {
  // A small deterministic PRNG so failures reproduce.
  function prng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  function mustBeObjectOrBadRequest(body: Buffer): void {
    try {
      const json = decodeProtobufBody(body, SSAR);
      assert.equal(typeof json, 'object');
    } catch (err) {
      assert.ok(err instanceof StatusError && err.code === 400, `unexpected ${String(err)} for ${body.toString('hex')}`);
    }
  }

  it('every truncation of a valid body decodes or is a 400', () => {
    const body = Buffer.from(SSAR_BASE64, 'base64');
    for (let n = 0; n <= body.length; n++) mustBeObjectOrBadRequest(body.subarray(0, n));
  });

  it('random byte flips and random bodies after the magic decode or are a 400, quickly', () => {
    const random = prng(42);
    const valid = Buffer.from(SSAR_BASE64, 'base64');
    const started = Date.now();
    for (let i = 0; i < 3000; i++) {
      const mutated = Buffer.from(valid);
      for (let j = 0; j < 3; j++) mutated[4 + Math.floor(random() * (mutated.length - 4))] = Math.floor(random() * 256);
      mustBeObjectOrBadRequest(mutated);
      const garbage = Buffer.alloc(4 + Math.floor(random() * 64));
      garbage.set([0x6b, 0x38, 0x73, 0x00]);
      for (let j = 4; j < garbage.length; j++) garbage[j] = Math.floor(random() * 256);
      mustBeObjectOrBadRequest(garbage);
    }
    assert.ok(Date.now() - started < 5000, 'decoding garbage took too long');
  });
});
