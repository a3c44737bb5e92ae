import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeProtobufBody, isProtobufContentType } from '../../../src/protobuf/index.js';
import { bool, bytes, emptyObjectMeta, envelope, fixed32, fixed64, int, message, str, stringMap, strings } from './encoder.js';
import { SSAR_BASE64 } from './fixtures.js';


const AUTHN = 'authentication.k8s.io/v1';
const AUTHZ = 'authorization.k8s.io/v1';

describe('decodeProtobufBody: what kubectl 1.32 sends', () => {
  it('decodes the captured SelfSubjectAccessReview to the JSON a JSON client sends', () => {
    const json = decodeProtobufBody(Buffer.from(SSAR_BASE64, 'base64'));
    // Exact bytes: empty ObjectMeta strings dropped (omitempty), status.allowed kept (`json:"allowed"`).
    assert.equal(
      JSON.stringify(json),
      '{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","metadata":{},' +
        '"spec":{"resourceAttributes":{"namespace":"default","verb":"create","resource":"pods"}},"status":{"allowed":false}}',
    );
  });

  it('decodes `create namespace` with an empty spec and status', () => {
    const raw = Buffer.concat([emptyObjectMeta(1, 'foo'), message(2), message(3, str(1, ''))]);
    assert.deepEqual(decodeProtobufBody(envelope('v1', 'Namespace', raw)), {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'foo' },
      spec: {},
      status: {},
    });
  });

  it('decodes `create token` with an empty spec: the status token is kept, the zero time left out', () => {
    const raw = Buffer.concat([emptyObjectMeta(), message(2), message(3, str(1, ''), message(2))]);
    assert.deepEqual(decodeProtobufBody(envelope(AUTHN, 'TokenRequest', raw)), {
      apiVersion: AUTHN,
      kind: 'TokenRequest',
      metadata: {},
      spec: {},
      status: { token: '' },
    });
  });

  it('decodes `auth whoami` for every SelfSubjectReview version', () => {
    const raw = Buffer.concat([emptyObjectMeta(), message(2, message(1, str(1, ''), str(2, '')))]);
    for (const version of ['v1', 'v1beta1', 'v1alpha1']) {
      const apiVersion = `authentication.k8s.io/${version}`;
      assert.deepEqual(decodeProtobufBody(envelope(apiVersion, 'SelfSubjectReview', raw)), {
        apiVersion,
        kind: 'SelfSubjectReview',
        metadata: {},
        status: { userInfo: {} },
      });
    }
  });

  it('decodes `auth can-i --list`: incomplete:false is kept, empty rule lists are not', () => {
    const raw = Buffer.concat([emptyObjectMeta(), message(2, str(1, 'default')), message(3, bool(3, false), str(4, ''))]);
    assert.deepEqual(decodeProtobufBody(envelope(AUTHZ, 'SelfSubjectRulesReview', raw)), {
      apiVersion: AUTHZ,
      kind: 'SelfSubjectRulesReview',
      metadata: {},
      spec: { namespace: 'default' },
      status: { incomplete: false },
    });
  });
});

describe('decodeProtobufBody: every field kind', () => {
  it('decodes a Namespace with labels, annotations, owners, finalizers and times', () => {
    const meta = message(
      1,
      str(1, 'team-a'),
      str(5, 'uid-1'),
      int(7, 3),
      message(8, int(1, 1_700_000_000), int(2, 999)),
      int(10, 0),
      stringMap(11, { app: 'web', tier: '' }),
      stringMap(12, { note: 'hello' }),
      message(13, str(1, 'Deployment'), str(3, 'web'), str(4, 'u-2'), str(5, 'apps/v1'), bool(6, false)),
      message(13, str(1, 'ReplicaSet'), str(3, ''), str(4, ''), str(5, 'apps/v1'), bool(6, true), bool(7, true)),
      strings(14, ['example.com/a', 'example.com/b']),
    );
    const spec = message(2, strings(1, ['kubernetes']));
    const status = message(3, str(1, 'Active'), message(2, str(1, 'Stuck'), str(2, 'False'), message(4, int(1, 86_400)), str(5, '')));
    assert.deepEqual(decodeProtobufBody(envelope('v1', 'Namespace', Buffer.concat([meta, spec, status]))), {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'team-a',
        uid: 'uid-1',
        generation: 3,
        creationTimestamp: '2023-11-14T22:13:20Z',
        deletionGracePeriodSeconds: 0,
        labels: { app: 'web', tier: '' },
        annotations: { note: 'hello' },
        ownerReferences: [
          { kind: 'Deployment', name: 'web', uid: 'u-2', apiVersion: 'apps/v1', controller: false },
          { kind: 'ReplicaSet', name: '', uid: '', apiVersion: 'apps/v1', controller: true, blockOwnerDeletion: true },
        ],
        finalizers: ['example.com/a', 'example.com/b'],
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active', conditions: [{ type: 'Stuck', status: 'False', lastTransitionTime: '1970-01-02T00:00:00Z' }] },
    });
  });

  it('decodes a TokenRequest with audiences, expirationSeconds and boundObjectRef', () => {
    const spec = message(2, strings(1, ['api', 'vault']), message(3, str(1, 'Pod'), str(2, 'v1'), str(3, 'p'), str(4, '')), int(4, 3600));
    const raw = Buffer.concat([emptyObjectMeta(1, 'default'), spec]);
    assert.deepEqual(decodeProtobufBody(envelope(AUTHN, 'TokenRequest', raw)), {
      apiVersion: AUTHN,
      kind: 'TokenRequest',
      metadata: { name: 'default' },
      spec: { audiences: ['api', 'vault'], boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p' }, expirationSeconds: 3600 },
      status: { token: '' },
    });
  });

  it('keeps a pointer field that is on the wire even when it is zero', () => {
    const raw = Buffer.concat([message(2, int(4, 0), message(3))]);
    const json = decodeProtobufBody(envelope(AUTHN, 'TokenRequest', raw));
    assert.deepEqual(json.spec, { boundObjectRef: {}, expirationSeconds: 0 });
  });

  it('decodes a SelfSubjectReview with groups and extra (map of ExtraValue lists)', () => {
    const extra = (key: string, items: string[]): Buffer => message(4, str(1, key), message(2, strings(1, items)));
    const userInfo = message(1, str(1, 'alice'), str(2, 'u-1'), strings(3, ['dev', 'system:authenticated']), extra('scopes', ['a', 'b']), extra('none', []));
    const json = decodeProtobufBody(envelope(AUTHN, 'SelfSubjectReview', message(2, userInfo)));
    assert.deepEqual(json.status, {
      userInfo: { username: 'alice', uid: 'u-1', groups: ['dev', 'system:authenticated'], extra: { scopes: ['a', 'b'], none: [] } },
    });
  });

  it('decodes SelfSubjectRulesReview status rules', () => {
    const rule = message(1, strings(1, ['get', 'list']), strings(2, ['']), strings(3, ['pods']));
    const nonResource = message(2, strings(1, ['get']), strings(2, ['/healthz']));
    const raw = Buffer.concat([message(2, str(1, 'ns')), message(3, rule, nonResource, bool(3, true), str(4, 'webhook'))]);
    assert.deepEqual(decodeProtobufBody(envelope(AUTHZ, 'SelfSubjectRulesReview', raw)).status, {
      resourceRules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }],
      nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }],
      incomplete: true,
      evaluationError: 'webhook',
    });
  });

  it('decodes SubjectAccessReview and LocalSubjectAccessReview specs, selectors included', () => {
    const requirement = message(2, str(1, 'app'), str(2, 'In'), strings(3, ['web']));
    const attrs = message(1, str(1, 'ns'), str(2, 'list'), str(5, 'pods'), message(8, str(1, 'spec.nodeName=n1')), message(9, requirement));
    const spec = message(2, attrs, str(3, 'bob'), strings(4, ['g1']), message(5, str(1, 'k'), message(2, strings(1, ['v']))), str(6, 'u'));
    const status = message(3, bool(1, true), str(2, 'RBAC'), bool(4, false));
    for (const kind of ['SubjectAccessReview', 'LocalSubjectAccessReview']) {
      const json = decodeProtobufBody(envelope(AUTHZ, kind, Buffer.concat([spec, status])));
      assert.deepEqual(json.spec, {
        resourceAttributes: {
          namespace: 'ns',
          verb: 'list',
          resource: 'pods',
          fieldSelector: { rawSelector: 'spec.nodeName=n1' },
          labelSelector: { requirements: [{ key: 'app', operator: 'In', values: ['web'] }] },
        },
        user: 'bob',
        groups: ['g1'],
        extra: { k: ['v'] },
        uid: 'u',
      });
      assert.deepEqual(json.status, { allowed: true, reason: 'RBAC' });
    }
    const nonResource = message(2, message(2, str(1, '/metrics'), str(2, 'get')));
    const ssar = decodeProtobufBody(envelope(AUTHZ, 'SelfSubjectAccessReview', nonResource));
    assert.deepEqual(ssar.spec, { nonResourceAttributes: { path: '/metrics', verb: 'get' } });
  });

  it('decodes a TokenReview: the user struct is written even when empty', () => {
    const raw = Buffer.concat([message(2, str(1, 'tok'), strings(2, ['api'])), message(3, bool(1, false), message(2), str(3, ''))]);
    const json = decodeProtobufBody(envelope(AUTHN, 'TokenReview', raw));
    assert.deepEqual(json.spec, { token: 'tok', audiences: ['api'] });
    assert.deepEqual(json.status, { user: {} });
  });

  it('decodes a Lease: MicroTime keeps microseconds, pointer int32 zero is kept', () => {
    const spec = message(2, str(1, 'node-1'), int(2, 40), message(3, int(1, 1_700_000_000), int(2, 123_456_789)), message(4), int(5, 0));
    const json = decodeProtobufBody(envelope('coordination.k8s.io/v1', 'Lease', spec));
    assert.deepEqual(json.spec, { holderIdentity: 'node-1', leaseDurationSeconds: 40, acquireTime: '2023-11-14T22:13:20.123456Z', leaseTransitions: 0 });
  });

  it('reads negative int64s, skips unknown fields of every wire type, merges a repeated message', () => {
    const meta1 = message(1, str(1, 'a'), int(10, -30), fixed32(40), fixed64(41), int(42, 1), bytes(43, Buffer.from([1, 2])));
    const meta2 = message(1, str(3, 'ns'), str(1, 'b'));
    const json = decodeProtobufBody(envelope('v1', 'Namespace', Buffer.concat([meta1, int(99, 7), meta2])));
    assert.deepEqual(json.metadata, { name: 'b', namespace: 'ns', deletionGracePeriodSeconds: -30 });
  });

  it('fills a missing envelope kind and apiVersion from the endpoint', () => {
    const json = decodeProtobufBody(envelope('', '', emptyObjectMeta(1, 'x')), { apiVersion: 'v1', kind: 'Namespace' });
    assert.deepEqual(json, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' }, spec: {}, status: {} });
  });
});

describe('isProtobufContentType', () => {
  it('matches the Kubernetes protobuf media type with or without parameters', () => {
    assert.equal(isProtobufContentType('application/vnd.kubernetes.protobuf'), true);
    assert.equal(isProtobufContentType('Application/Vnd.Kubernetes.Protobuf; charset=utf-8'), true);
    assert.equal(isProtobufContentType('application/vnd.kubernetes.protobuf;stream=watch'), true);
    assert.equal(isProtobufContentType('application/json'), false);
    assert.equal(isProtobufContentType('application/vnd.kubernetes.protobuf+json'), false);
    assert.equal(isProtobufContentType(''), false);
  });
});
