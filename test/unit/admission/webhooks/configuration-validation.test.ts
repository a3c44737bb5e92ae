// Webhook configurations through their store: the defaults kube-apiserver fills, generation,
// and the main validation rules with Kubernetes' paths and messages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../../src/api/errors.js';
import type { KubeObject } from '../../../../src/api/types.js';
import { fixture, type Fixture } from './fixtures.js';

type Json = Record<string, unknown>;
const GROUP = 'admissionregistration.k8s.io';

const webhook = (extra: Json = {}): Json => ({
  name: 'check.example.com',
  clientConfig: { url: 'https://127.0.0.1:8443/validate' },
  rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
  sideEffects: 'None',
  admissionReviewVersions: ['v1'],
  ...extra,
});

describe('webhook configurations', () => {
  let f: Fixture;
  let n = 0;
  const create = (plural: string, webhooks: Json[]): Promise<KubeObject> => f.create(GROUP, plural, { metadata: { name: `c${++n}` }, webhooks });
  const invalid = async (webhooks: Json[]): Promise<string> => {
    try {
      await create('validatingwebhookconfigurations', webhooks);
    } catch (err) {
      assert.ok(err instanceof StatusError);
      assert.equal(err.code, 422);
      return err.message;
    }
    assert.fail('expected Invalid');
  };
  before(async () => {
    f = await fixture();
  });
  after(() => f.close());

  it('fills the v1 defaults and sets generation 1', async () => {
    const obj = (await create('mutatingwebhookconfigurations', [webhook({ clientConfig: { service: { namespace: 'ns', name: 'svc' } } })])) as KubeObject & { webhooks: Json[] };
    const hook = obj.webhooks[0];
    assert.equal(hook.failurePolicy, 'Fail');
    assert.equal(hook.matchPolicy, 'Equivalent');
    assert.deepEqual(hook.namespaceSelector, {});
    assert.deepEqual(hook.objectSelector, {});
    assert.equal(hook.timeoutSeconds, 10);
    assert.equal(hook.reinvocationPolicy, 'Never');
    assert.equal((hook.clientConfig as { service: Json }).service.port, 443);
    assert.equal((hook.rules as Json[])[0].scope, '*');
    assert.equal(obj.metadata.generation, 1);
  });

  it('requires sideEffects and admissionReviewVersions', async () => {
    const message = await invalid([webhook({ sideEffects: undefined, admissionReviewVersions: undefined })]);
    assert.match(message, /webhooks\[0\]\.sideEffects: Required value: must specify one of None, NoneOnDryRun/);
    assert.match(message, /webhooks\[0\]\.admissionReviewVersions: Required value: must specify one of v1, v1beta1/);
    assert.match(await invalid([webhook({ sideEffects: 'Some' })]), /webhooks\[0\]\.sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"/);
  });

  it('checks names, client config, timeout and rules', async () => {
    assert.match(await invalid([webhook({ name: 'short' })]), /webhooks\[0\]\.name: Invalid value: "short": should be a domain with at least three segments separated by dots/);
    assert.match(await invalid([webhook(), webhook()]), /webhooks\[1\]\.name: Duplicate value: "check.example.com"/);
    assert.match(await invalid([webhook({ clientConfig: { url: 'http://x.io/' } })]), /webhooks\[0\]\.clientConfig\.url: Invalid value: "http": 'https' is the only allowed URL scheme; desired format: https:\/\/host\[\/path\]/);
    assert.match(await invalid([webhook({ clientConfig: {} })]), /webhooks\[0\]\.clientConfig: Required value: exactly one of url or service is required/);
    assert.match(await invalid([webhook({ timeoutSeconds: 31 })]), /webhooks\[0\]\.timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds/);
    assert.match(await invalid([webhook({ rules: [{ operations: ['PATCH'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }] })]), /webhooks\[0\]\.rules\[0\]\.operations\[0\]: Unsupported value: "PATCH"/);
  });

  it('compiles matchConditions', async () => {
    const message = await invalid([webhook({ matchConditions: [{ name: 'bad', expression: 'object.metadata.name ==' }] })]);
    assert.match(message, /webhooks\[0\]\.matchConditions\[0\]\.expression: Invalid value: "object.metadata.name ==": compilation failed: ERROR: <input>: Syntax error:/);
    assert.match(await invalid([webhook({ matchConditions: [{ name: 'p', expression: 'params.x' }] })]), /compilation failed: ERROR: <input>: Unknown variable: params/);
  });
});
