// List continue tokens against k8s.io/apiserver pkg/storage/continue.go (EncodeContinue,
// DecodeContinue) and the BadRequest the etcd3 store makes of a decode error.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeContinue, encodeContinue } from '../../../../src/registry/continue-token.js';
import { statusOf } from './status-of.js';

/** base64.RawURLEncoding of a JSON text, as Go writes a continue token. */
function token(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

describe('encodeContinue', () => {
  it('writes base64url without padding of {"v","rv","start"} in Go field order', () => {
    const t = encodeContinue({ revision: 1042, start: 'default/web-2' });
    assert.equal(t, token('{"v":"meta.k8s.io/v1","rv":1042,"start":"default/web-2"}'));
    assert.doesNotMatch(t, /[=+/]/);
  });

  it('uses the URL-safe alphabet where standard base64 would give + and /', () => {
    const t = encodeContinue({ revision: 7, start: 'ns/a>>>b???' });
    assert.doesNotMatch(t, /[=+/]/);
    assert.equal(Buffer.from(t, 'base64url').toString('utf8'), '{"v":"meta.k8s.io/v1","rv":7,"start":"ns/a>>>b???"}');
  });
});

describe('decodeContinue', () => {
  it('round-trips what encodeContinue writes', () => {
    for (const position of [
      { revision: 1, start: 'a' },
      { revision: 123456789, start: 'kube-system/coredns-5d78c9869d-abcde' },
      { revision: 5, start: 'nämespace/ünïcode' },
    ]) {
      assert.deepEqual(decodeContinue(encodeContinue(position)), position);
    }
  });

  it('reads a token written by kube-apiserver', () => {
    assert.deepEqual(decodeContinue(token('{"v":"meta.k8s.io/v1","rv":285,"start":"default/nginx\\u0000"}')), {
      revision: 285,
      start: 'default/nginx\u0000',
    });
  });

  it('ignores fields it does not know (such as rc, the remaining count)', () => {
    assert.deepEqual(decodeContinue(token('{"v":"meta.k8s.io/v1","rv":9,"start":"a/b","rc":3}')), { revision: 9, start: 'a/b' });
  });

  const bad: [string, string][] = [
    ['not base64 at all', '!!!'],
    ['base64 of something that is not JSON', token('hello')],
    ['an unknown encoding version', token('{"v":"meta.k8s.io/v2","rv":1,"start":"a"}')],
    ['no version', token('{"rv":1,"start":"a"}')],
    ['a zero revision', token('{"v":"meta.k8s.io/v1","rv":0,"start":"a"}')],
    ['a missing revision', token('{"v":"meta.k8s.io/v1","start":"a"}')],
    ['a string revision', token('{"v":"meta.k8s.io/v1","rv":"5","start":"a"}')],
    ['a start key climbing out of the prefix', token('{"v":"meta.k8s.io/v1","rv":1,"start":"../secrets/x"}')],
    ['a start key with .. inside', token('{"v":"meta.k8s.io/v1","rv":1,"start":"a/../../b"}')],
  ];
  for (const [name, t] of bad) {
    it(`is 400 BadRequest for ${name}`, () => {
      const status = statusOf(() => decodeContinue(t));
      assert.equal(status.code, 400);
      assert.equal(status.reason, 'BadRequest');
      assert.match(status.message ?? '', /continue key is not valid/);
    });
  }

  // storage/continue.go errors, wrapped by the etcd3 store as
  // NewBadRequest(fmt.Sprintf("invalid continue token: %v", err)).
  it('words the 400 as kube-apiserver does', () => {
    assert.equal(
      statusOf(() => decodeContinue(token('{"v":"meta.k8s.io/v1","rv":0,"start":"a"}'))).message,
      'invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
    assert.equal(
      statusOf(() => decodeContinue(token('{"v":"meta.k8s.io/v2","rv":1,"start":"a"}'))).message,
      'invalid continue token: continue key is not valid: server does not recognize this encoded version meta.k8s.io/v2',
    );
    assert.equal(statusOf(() => decodeContinue('!!!')).message, 'invalid continue token: continue key is not valid: illegal base64 data at input byte 0');
  });

  it('refuses an empty start key', () => {
    const status = statusOf(() => decodeContinue(token('{"v":"meta.k8s.io/v1","rv":1,"start":""}')));
    assert.equal(status.code, 400);
    assert.match(status.message ?? '', /encoded start key empty \(version meta\.k8s\.io\/v1\)$/);
  });

  // DecodeContinue prefixes the key with "/" and requires path.Clean to leave it unchanged.
  it('accepts a key path.Clean leaves alone and refuses any other', () => {
    assert.deepEqual(decodeContinue(token('{"v":"meta.k8s.io/v1","rv":1,"start":"/default/web"}')), { revision: 1, start: 'default/web' });
    for (const start of ['a//b', 'a/./b', 'a/']) {
      assert.equal(statusOf(() => decodeContinue(token(`{"v":"meta.k8s.io/v1","rv":1,"start":"${start}"}`))).code, 400, start);
    }
  });
});
