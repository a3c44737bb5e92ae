// Webhook predicates: rule matching with wildcards, subresources and scope; namespace and object
// selectors; the admission configuration kinds that are never sent to webhooks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isExemptConfiguration, namespaceMatches, objectMatches, ruleMatches } from '../../../../src/admission/webhooks/predicates.js';
import { labelSelectorFromObject } from '../../../../src/selectors/label-selector.js';
import { fixture, podAttributes, type Fixture } from './fixtures.js';

const rule = (resources: string[], extra: Record<string, unknown> = {}) => ({ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources, ...extra });

describe('ruleMatches', () => {
  const main = podAttributes();
  const status = podAttributes({ subresource: 'status', operation: 'UPDATE' });
  it('matches resources, subresources and wildcards as rules.Matcher does', () => {
    assert.equal(ruleMatches(rule(['pods']), main), true);
    assert.equal(ruleMatches(rule(['*']), main), true);
    assert.equal(ruleMatches(rule(['deployments']), main), false);
    const update = (resources: string[]) => ruleMatches({ ...rule(resources), operations: ['UPDATE'] }, status);
    assert.equal(update(['pods']), false, 'the main resource does not cover its subresources');
    assert.equal(update(['*']), false);
    assert.equal(update(['pods/status']), true);
    assert.equal(update(['pods/*']), true);
    assert.equal(update(['*/status']), true);
    assert.equal(update(['*/*']), true);
  });
  it('checks operations, groups and versions', () => {
    assert.equal(ruleMatches({ ...rule(['pods']), operations: ['UPDATE'] }, main), false);
    assert.equal(ruleMatches({ ...rule(['pods']), operations: ['*'] }, main), true);
    assert.equal(ruleMatches({ ...rule(['pods']), apiGroups: ['apps'] }, main), false);
    assert.equal(ruleMatches({ ...rule(['pods']), apiVersions: ['v2'] }, main), false);
  });
  it('applies scope, with Namespaces counted as cluster-scoped', () => {
    assert.equal(ruleMatches(rule(['pods'], { scope: 'Namespaced' }), main), true);
    assert.equal(ruleMatches(rule(['pods'], { scope: 'Cluster' }), main), false);
    const ns = podAttributes({ resource: { group: '', version: 'v1', resource: 'namespaces' }, namespace: 'x', name: 'x' });
    assert.equal(ruleMatches(rule(['namespaces'], { scope: 'Cluster' }), ns), true);
    assert.equal(ruleMatches(rule(['namespaces'], { scope: 'Namespaced' }), ns), false);
  });
  it('honours resourceNames of policy rules', () => {
    assert.equal(ruleMatches(rule(['pods'], { resourceNames: ['p'] }), main), true);
    assert.equal(ruleMatches(rule(['pods'], { resourceNames: ['q'] }), main), false);
  });
});

describe('selectors', () => {
  let f: Fixture;
  before(async () => {
    f = await fixture();
    await f.create('', 'namespaces', { metadata: { name: 'ns', labels: { team: 'a' } } });
  });
  after(() => f.close());

  it('matches the namespace by its labels, a Namespace by its own', () => {
    const team = labelSelectorFromObject({ matchLabels: { team: 'a' } });
    assert.equal(namespaceMatches(team, podAttributes(), f.storage), true);
    assert.equal(namespaceMatches(labelSelectorFromObject({ matchLabels: { team: 'b' } }), podAttributes(), f.storage), false);
    const missing = namespaceMatches(team, podAttributes({ namespace: 'gone' }), f.storage);
    assert.ok(missing instanceof Error);
    const nsObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'new', labels: { team: 'a' } } };
    assert.equal(namespaceMatches(team, podAttributes({ resource: { group: '', version: 'v1', resource: 'namespaces' }, namespace: '', object: nsObject }), f.storage), true);
    assert.equal(namespaceMatches(team, podAttributes({ resource: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles' }, namespace: '' }), f.storage), true);
  });

  it('matches the object or the old object; an absent old object matches nothing', () => {
    const absent = labelSelectorFromObject({ matchExpressions: [{ key: 'skip', operator: 'DoesNotExist' }] });
    assert.equal(objectMatches(absent, podAttributes({}, { skip: 'yes' })), false);
    assert.equal(objectMatches(absent, podAttributes({}, {})), true);
    const old = podAttributes({}, { app: 'web' }).object;
    assert.equal(objectMatches(labelSelectorFromObject({ matchLabels: { app: 'web' } }), podAttributes({ operation: 'UPDATE', oldObject: old }, {})), true);
  });
});

describe('isExemptConfiguration', () => {
  it('exempts webhook configurations, policies and bindings only', () => {
    const attrs = (kind: string) => podAttributes({ kind: { group: 'admissionregistration.k8s.io', version: 'v1', kind } });
    assert.equal(isExemptConfiguration(attrs('ValidatingWebhookConfiguration')), true);
    assert.equal(isExemptConfiguration(attrs('MutatingWebhookConfiguration')), true);
    assert.equal(isExemptConfiguration(attrs('ValidatingAdmissionPolicyBinding')), true);
    assert.equal(isExemptConfiguration(podAttributes()), false);
  });
});
