// ValidatingAdmissionPolicy in process: the denial message and reason, messageExpression and
// message fallbacks, Warn and Audit actions, params by name and selector with
// parameterNotFoundAction, variables, matchConditions, excluded rules and failurePolicy.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../../src/api/errors.js';
import { validatingAdmissionPolicy } from '../../../../src/admission/policy/index.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../../../../src/admission/interfaces.js';
import { fixture, podAttributes, type Fixture } from '../webhooks/fixtures.js';

type Json = Record<string, unknown>;
const GROUP = 'admissionregistration.k8s.io';
const podRules = { resourceRules: [{ operations: ['CREATE', 'UPDATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }] };

function deny(plugin: AdmissionPlugin, attrs: AdmissionAttributes): StatusError {
  try {
    void plugin.validate!(attrs);
  } catch (err) {
    assert.ok(err instanceof StatusError, String(err));
    return err;
  }
  assert.fail('expected a denial');
}

describe('ValidatingAdmissionPolicy plugin', () => {
  let f: Fixture;
  let plugin: AdmissionPlugin;

  const policy = (name: string, spec: Json): Promise<unknown> => f.create(GROUP, 'validatingadmissionpolicies', { metadata: { name }, spec: { matchConstraints: podRules, ...spec } });
  const binding = (name: string, spec: Json): Promise<unknown> => f.create(GROUP, 'validatingadmissionpolicybindings', { metadata: { name }, spec: { validationActions: ['Deny'], ...spec } });

  before(async () => {
    f = await fixture();
    await f.create('', 'namespaces', { metadata: { name: 'ns', labels: { env: 'prod' } } });
    await f.create('', 'configmaps', { metadata: { name: 'limits', namespace: 'ns', labels: { kind: 'limits' } }, data: { maxContainers: '1' } }, 'ns');
    plugin = validatingAdmissionPolicy.create(f);
  });
  beforeEach(async () => {
    for (const plural of ['validatingadmissionpolicies', 'validatingadmissionpolicybindings']) {
      const store = f.registry().store(GROUP, plural);
      for (const item of f.storage.list(`/registry/${plural}/`).items) await store.delete('', item.metadata.name ?? '', { dryRun: false });
    }
  });
  after(() => f.close());

  it("denies with Kubernetes' message, Invalid (422) unless the validation names a reason", async () => {
    await policy('no-web', { validations: [{ expression: "object.metadata.name != 'p'" }, { expression: 'false', message: 'never', reason: 'Forbidden' }] });
    await binding('b', { policyName: 'no-web' });
    const err = deny(plugin, podAttributes());
    assert.equal(err.code, 422);
    assert.equal(err.reason, 'Invalid');
    assert.equal(err.message, "pods \"p\" is forbidden: ValidatingAdmissionPolicy 'no-web' with binding 'b' denied request: failed expression: object.metadata.name != 'p'");
    assert.deepEqual(err.status.details?.causes, [{ message: "ValidatingAdmissionPolicy 'no-web' with binding 'b' denied request: failed expression: object.metadata.name != 'p'" }]);
  });

  it('words the failure with messageExpression, else message', async () => {
    await policy('msg', { validations: [{ expression: 'false', message: 'static', messageExpression: "'pod ' + object.metadata.name + ' refused'", reason: 'Forbidden' }] });
    await binding('b', { policyName: 'msg' });
    const err = deny(plugin, podAttributes());
    assert.equal(err.code, 403);
    assert.match(err.message, /denied request: pod p refused$/);
  });

  it('only warns with Warn and says nothing with Audit', async () => {
    await policy('warn', { validations: [{ expression: 'false', message: 'careful' }] });
    await binding('w', { policyName: 'warn', validationActions: ['Warn', 'Audit'] });
    const attrs = podAttributes();
    await plugin.validate!(attrs);
    assert.deepEqual(attrs.warnings, ["Validation failed for ValidatingAdmissionPolicy 'warn' with binding 'w': careful"]);
  });

  it('evaluates with params by name or selector, and applies parameterNotFoundAction', async () => {
    await policy('max', {
      paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
      validations: [{ expression: 'size(object.spec.containers) <= int(params.data.maxContainers)', messageExpression: "'at most ' + params.data.maxContainers + ' containers'" }],
    });
    await binding('by-name', { policyName: 'max', paramRef: { name: 'limits', parameterNotFoundAction: 'Deny' } });
    const two = podAttributes();
    (two.object!.spec as { containers: unknown[] }).containers.push({ name: 'd', image: 'x' });
    assert.match(deny(plugin, two).message, /with binding 'by-name' denied request: at most 1 containers$/);
    await plugin.validate!(podAttributes());
    await f.registry().store(GROUP, 'validatingadmissionpolicybindings').delete('', 'by-name', { dryRun: false });
    await binding('missing', { policyName: 'max', paramRef: { name: 'nope', parameterNotFoundAction: 'Deny' } });
    assert.match(deny(plugin, podAttributes()).message, /denied request: failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction$/);
    await f.registry().store(GROUP, 'validatingadmissionpolicybindings').delete('', 'missing', { dryRun: false });
    await binding('allow', { policyName: 'max', paramRef: { selector: { matchLabels: { kind: 'other' } }, parameterNotFoundAction: 'Allow' } });
    await plugin.validate!(two);
  });

  it('has variables, namespaceObject and matchConditions', async () => {
    await policy('vars', {
      variables: [{ name: 'names', expression: 'object.spec.containers.map(c, c.name)' }],
      matchConditions: [{ name: 'prod-only', expression: "namespaceObject.metadata.labels.env == 'prod'" }],
      validations: [{ expression: "!('c' in variables.names)", message: 'no container named c' }],
    });
    await binding('b', { policyName: 'vars' });
    assert.match(deny(plugin, podAttributes()).message, /denied request: no container named c$/);
    await f.create('', 'namespaces', { metadata: { name: 'dev', labels: { env: 'dev' } } });
    await plugin.validate!(podAttributes({ namespace: 'dev' }));
  });

  it('leaves out excluded resources and binding matchResources that do not select the request', async () => {
    await policy('none', { validations: [{ expression: 'false' }], matchConstraints: { ...podRules, excludeResourceRules: [{ ...podRules.resourceRules[0], resourceNames: ['p'] }] } });
    await binding('b', { policyName: 'none' });
    await plugin.validate!(podAttributes());
    await policy('all', { validations: [{ expression: 'false' }] });
    await binding('b2', { policyName: 'all', matchResources: { namespaceSelector: { matchLabels: { env: 'staging' } } } });
    await plugin.validate!(podAttributes());
  });

  it('follows failurePolicy when an expression fails', async () => {
    await policy('broken', { validations: [{ expression: 'object.spec.missing > 1' }] });
    await binding('b', { policyName: 'broken' });
    assert.match(deny(plugin, podAttributes()).message, /denied request: expression 'object.spec.missing > 1' resulted in error: no such key: missing$/);
    await policy('ignored', { failurePolicy: 'Ignore', validations: [{ expression: 'object.spec.missing > 1' }] });
    await f.registry().store(GROUP, 'validatingadmissionpolicybindings').delete('', 'b', { dryRun: false });
    await binding('b', { policyName: 'ignored' });
    await plugin.validate!(podAttributes());
  });
});
