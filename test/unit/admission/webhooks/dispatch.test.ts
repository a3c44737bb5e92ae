// The webhook plugins in process against real HTTPS webhooks: order and reinvocation of
// mutating webhooks, warnings, the webhook's own Status on denial, parallel validating calls,
// invalid answers under Fail and Ignore, matchConditions and matchPolicy Equivalent.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../../src/api/errors.js';
import { mutatingAdmissionWebhook, validatingAdmissionWebhook } from '../../../../src/admission/webhooks/index.js';
import type { AdmissionPlugin } from '../../../../src/admission/interfaces.js';
import { fixture, podAttributes, type Fixture } from './fixtures.js';
import { patchResponse, startWebhookServer, type ReviewHandler, type WebhookServer } from './webhook-server.js';

type Json = Record<string, unknown>;

function hookSpec(name: string, server: WebhookServer, extra: Json = {}): Json {
  return {
    name,
    clientConfig: { url: server.url(`/${name}`), caBundle: server.caBundle },
    rules: [{ operations: ['CREATE'], apiGroups: ['', 'events.k8s.io'], apiVersions: ['v1'], resources: ['pods', 'events'] }],
    sideEffects: 'None',
    admissionReviewVersions: ['v1'],
    ...extra,
  };
}

async function rejection(promise: Promise<unknown> | void): Promise<StatusError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof StatusError, String(err));
    return err;
  }
  assert.fail('expected a StatusError');
}

describe('webhook plugins', () => {
  let f: Fixture;
  let server: WebhookServer;
  let handlers: Record<string, ReviewHandler>;
  let mutating: AdmissionPlugin;
  let validating: AdmissionPlugin;
  let configs = 0;

  const configure = async (kind: 'mutating' | 'validating', webhooks: Json[]): Promise<void> => {
    const k = kind === 'mutating' ? 'MutatingWebhookConfiguration' : 'ValidatingWebhookConfiguration';
    await f.create('admissionregistration.k8s.io', `${kind}webhookconfigurations`, { metadata: { name: `c${++configs}` }, kind: k, webhooks });
  };

  before(async () => {
    f = await fixture();
    await f.create('', 'namespaces', { metadata: { name: 'ns' } });
    server = await startWebhookServer((req, path) => handlers[path.split('?')[0].slice(1)]!(req, path));
    mutating = mutatingAdmissionWebhook.create(f);
    validating = validatingAdmissionWebhook.create(f);
  });
  const clear = async (): Promise<void> => {
    for (const kind of ['mutating', 'validating']) {
      const plural = `${kind}webhookconfigurations`;
      const store = f.registry().store('admissionregistration.k8s.io', plural);
      for (const item of f.storage.list(`/registry/${plural}/`).items) await store.delete('', item.metadata.name ?? '', { dryRun: false });
    }
  };
  beforeEach(async () => {
    handlers = {};
    await clear();
    server.reviews.length = 0;
  });
  after(async () => {
    await server.close();
    await f.close();
  });

  it('calls mutating webhooks in order on the patched object and reinvokes IfNeeded ones once', async () => {
    const seen: string[] = [];
    handlers['a.x.io'] = (req) => {
      seen.push(`a:${Object.keys(req.object?.metadata.labels ?? {}).join(',')}`);
      return patchResponse([{ op: 'add', path: '/metadata/labels/a', value: '1' }]);
    };
    handlers['b.x.io'] = (req) => {
      seen.push(`b:${Object.keys(req.object?.metadata.labels ?? {}).join(',')}`);
      return { ...patchResponse([{ op: 'add', path: '/metadata/labels/b', value: '1' }]), warnings: ['b was here'] };
    };
    await configure('mutating', [hookSpec('a.x.io', server, { reinvocationPolicy: 'IfNeeded' }), hookSpec('b.x.io', server)]);
    const attrs = podAttributes();
    await mutating.admit!(attrs);
    assert.deepEqual(seen, ['a:', 'b:a', 'a:a,b']);
    assert.deepEqual(attrs.object?.metadata.labels, { a: '1', b: '1' });
    assert.deepEqual(attrs.warnings, ['b was here']);
  });

  it('passes the webhook Status on, prefixed with the webhook name', async () => {
    handlers['deny.x.io'] = () => ({ allowed: false, status: { code: 409, reason: 'Conflict', message: 'not now' } });
    await configure('validating', [hookSpec('deny.x.io', server)]);
    const err = await rejection(validating.validate!(podAttributes()));
    assert.equal(err.code, 409);
    assert.equal(err.reason, 'Conflict');
    assert.equal(err.message, 'admission webhook "deny.x.io" denied the request: not now');
  });

  it('denies without explanation when the webhook says nothing, with at least 400', async () => {
    handlers['quiet.x.io'] = () => ({ allowed: false });
    await configure('validating', [hookSpec('quiet.x.io', server)]);
    const err = await rejection(validating.validate!(podAttributes()));
    assert.equal(err.code, 400);
    assert.equal(err.message, 'admission webhook "quiet.x.io" denied the request without explanation');
  });

  it('calls validating webhooks in parallel', async () => {
    let inFlight = 0;
    let most = 0;
    const slow: ReviewHandler = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 100));
      inFlight--;
      return { allowed: true };
    };
    handlers['p1.x.io'] = slow;
    handlers['p2.x.io'] = slow;
    await configure('validating', [hookSpec('p1.x.io', server), hookSpec('p2.x.io', server)]);
    await validating.validate!(podAttributes());
    assert.equal(most, 2);
  });

  it('treats a wrong uid as a failed call: InternalError under Fail, skipped under Ignore', async () => {
    handlers['uid.x.io'] = () => ({ uid: 'other', allowed: false });
    await configure('validating', [hookSpec('uid.x.io', server)]);
    const err = await rejection(validating.validate!(podAttributes()));
    assert.equal(err.code, 500);
    assert.match(err.message, /^Internal error occurred: failed calling webhook "uid.x.io": received invalid webhook response: expected response.uid="[0-9a-f-]+", got "other"$/);
    await clear();
    await configure('validating', [hookSpec('uid.x.io', server, { failurePolicy: 'Ignore' })]);
    await validating.validate!(podAttributes());
  });

  it('skips webhooks whose matchConditions are false', async () => {
    handlers['cond.x.io'] = () => ({ allowed: false });
    await configure('validating', [hookSpec('cond.x.io', server, { matchConditions: [{ name: 'only-web', expression: "object.metadata.labels['app'] == 'web'" }] })]);
    await validating.validate!(podAttributes({}, { app: 'db' }));
    await rejection(validating.validate!(podAttributes({}, { app: 'web' })));
    assert.equal(server.reviews.length, 1);
  });

  it('sends an events.k8s.io Event to a core events rule as a v1 Event (matchPolicy Equivalent)', async () => {
    handlers['ev.x.io'] = () => ({ allowed: true });
    const coreOnly = hookSpec('ev.x.io', server);
    (coreOnly.rules as Json[])[0] = { operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['events'] };
    await configure('validating', [coreOnly]);
    const event = { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e', namespace: 'ns' }, reason: 'Started', note: 'hello', regarding: { kind: 'Pod', name: 'p' } };
    await validating.validate!(
      podAttributes({ kind: { group: 'events.k8s.io', version: 'v1', kind: 'Event' }, resource: { group: 'events.k8s.io', version: 'v1', resource: 'events' }, object: event, name: 'e' }),
    );
    const review = server.reviews[0]!;
    assert.deepEqual(review.kind, { group: '', version: 'v1', kind: 'Event' });
    assert.deepEqual(review.requestKind, { group: 'events.k8s.io', version: 'v1', kind: 'Event' });
    assert.equal(review.object?.message, 'hello');
  });

  it('does not send webhook configurations to webhooks', async () => {
    handlers['all.x.io'] = () => ({ allowed: false });
    await configure('validating', [{ ...hookSpec('all.x.io', server), rules: [{ operations: ['*'], apiGroups: ['*'], apiVersions: ['*'], resources: ['*'] }] }]);
    await configure('validating', []);
    assert.equal(server.reviews.length, 0);
  });
});
