// RBAC matching corner cases, table-driven against rbac.go's RuleAllows and the RBAC authorizer
// over an in-memory storage: subresources, resourceNames with list/watch, nonResourceURLs,
// bindings to users, groups and service accounts, missing roles, aggregated roles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributes, type Attributes } from '../../../src/auth/authz/attributes.js';
import { ruleAllows } from '../../../src/auth/rbac/rule-matching.js';
import type { PolicyRule } from '../../../src/auth/rbac/types.js';
import { aggregatedRules } from '../../../src/controllers/clusterrole-aggregation.js';
import { compactString, missingRules } from '../../../src/auth/rbac/covers.js';

const alice = { username: 'alice', groups: ['dev', 'system:authenticated'] };
const res = (a: Partial<Attributes>): Attributes => attributes(alice, a);
const path = (verb: string, p: string): Attributes => attributes(alice, { isResourceRequest: false, verb, path: p });

interface Case {
  name: string;
  rule: PolicyRule;
  attrs: Attributes;
  allowed: boolean;
}

const cases: Case[] = [
  { name: 'exact resource and verb', rule: { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, attrs: res({ verb: 'get', resource: 'pods', namespace: 'd', name: 'x' }), allowed: true },
  { name: 'other verb', rule: { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, attrs: res({ verb: 'delete', resource: 'pods', name: 'x' }), allowed: false },
  { name: 'other group', rule: { verbs: ['get'], apiGroups: ['apps'], resources: ['pods'] }, attrs: res({ verb: 'get', resource: 'pods' }), allowed: false },
  { name: 'no apiGroups matches nothing', rule: { verbs: ['get'], resources: ['pods'] }, attrs: res({ verb: 'get', resource: 'pods' }), allowed: false },
  { name: 'verb *', rule: { verbs: ['*'], apiGroups: [''], resources: ['pods'] }, attrs: res({ verb: 'deletecollection', resource: 'pods' }), allowed: true },
  { name: 'group *', rule: { verbs: ['list'], apiGroups: ['*'], resources: ['deployments'] }, attrs: res({ verb: 'list', apiGroup: 'apps', resource: 'deployments' }), allowed: true },
  { name: 'resource * covers subresources', rule: { verbs: ['get'], apiGroups: [''], resources: ['*'] }, attrs: res({ verb: 'get', resource: 'pods', subresource: 'log', name: 'x' }), allowed: true },
  { name: 'pods does not cover pods/log', rule: { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, attrs: res({ verb: 'get', resource: 'pods', subresource: 'log', name: 'x' }), allowed: false },
  { name: 'pods/log covers pods/log', rule: { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, attrs: res({ verb: 'get', resource: 'pods', subresource: 'log', name: 'x' }), allowed: true },
  { name: 'pods/log does not cover pods', rule: { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, attrs: res({ verb: 'get', resource: 'pods', name: 'x' }), allowed: false },
  { name: '*/scale covers deployments/scale', rule: { verbs: ['update'], apiGroups: ['apps'], resources: ['*/scale'] }, attrs: res({ verb: 'update', apiGroup: 'apps', resource: 'deployments', subresource: 'scale', name: 'x' }), allowed: true },
  { name: '*/scale does not cover deployments', rule: { verbs: ['update'], apiGroups: ['apps'], resources: ['*/scale'] }, attrs: res({ verb: 'update', apiGroup: 'apps', resource: 'deployments', name: 'x' }), allowed: false },
  { name: '*/scale does not cover */scalex', rule: { verbs: ['get'], apiGroups: ['apps'], resources: ['*/scale'] }, attrs: res({ verb: 'get', apiGroup: 'apps', resource: 'deployments', subresource: 'scalex', name: 'x' }), allowed: false },
  { name: 'resourceNames allow the named object', rule: { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] }, attrs: res({ verb: 'get', resource: 'configmaps', name: 'a' }), allowed: true },
  { name: 'resourceNames refuse other names', rule: { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] }, attrs: res({ verb: 'get', resource: 'configmaps', name: 'b' }), allowed: false },
  { name: 'resourceNames never allow list', rule: { verbs: ['list'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] }, attrs: res({ verb: 'list', resource: 'configmaps' }), allowed: false },
  { name: 'resourceNames never allow a collection watch', rule: { verbs: ['watch'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] }, attrs: res({ verb: 'watch', resource: 'configmaps' }), allowed: false },
  { name: 'resourceNames allow a watch of the named object', rule: { verbs: ['watch'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] }, attrs: res({ verb: 'watch', resource: 'configmaps', name: 'a' }), allowed: true },
  { name: 'resourceNames never allow create', rule: { verbs: ['create'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] }, attrs: res({ verb: 'create', resource: 'configmaps' }), allowed: false },
  { name: 'nonResourceURL exact', rule: { verbs: ['get'], nonResourceURLs: ['/healthz'] }, attrs: path('get', '/healthz'), allowed: true },
  { name: 'nonResourceURL is not a prefix without *', rule: { verbs: ['get'], nonResourceURLs: ['/healthz'] }, attrs: path('get', '/healthz/etcd'), allowed: false },
  { name: 'nonResourceURL trailing * is a prefix', rule: { verbs: ['get'], nonResourceURLs: ['/apis/*'] }, attrs: path('get', '/apis/apps/v1'), allowed: true },
  { name: 'nonResourceURL /apis/* does not match /apis', rule: { verbs: ['get'], nonResourceURLs: ['/apis/*'] }, attrs: path('get', '/apis'), allowed: false },
  { name: 'nonResourceURL *', rule: { verbs: ['*'], nonResourceURLs: ['*'] }, attrs: path('post', '/anything'), allowed: true },
  { name: 'nonResourceURL verb is the method', rule: { verbs: ['get'], nonResourceURLs: ['/version'] }, attrs: path('post', '/version'), allowed: false },
  { name: 'resource rules never match paths', rule: { verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, attrs: path('get', '/healthz'), allowed: false },
  { name: 'URL rules never match resources', rule: { verbs: ['*'], nonResourceURLs: ['*'] }, attrs: res({ verb: 'get', resource: 'pods' }), allowed: false },
];

describe('ruleAllows', () => {
  for (const c of cases) {
    it(c.name, () => assert.equal(ruleAllows(c.attrs, c.rule), c.allowed));
  }
});

describe('aggregated roles', () => {
  const label = (k: string): Record<string, string> => ({ [k]: 'true' });
  const view = { metadata: { name: 'view', labels: label('agg-edit') }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: label('agg-view') }] } };
  const a = { metadata: { name: 'b-part', labels: label('agg-view') }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] };
  const b = { metadata: { name: 'a-part', labels: label('agg-view') }, rules: [{ verbs: ['list'], apiGroups: [''], resources: ['pods'] }, { verbs: ['get'], apiGroups: [''], resources: ['pods'] }] };
  const other = { metadata: { name: 'c-other' }, rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }] };

  it('collects the rules of matching roles in name order, without duplicates', () => {
    assert.deepEqual(aggregatedRules(view, [a, b, other, view]), [
      { verbs: ['list'], apiGroups: [''], resources: ['pods'] },
      { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
    ]);
  });

  it('a role with no matching roles aggregates nothing', () => {
    assert.deepEqual(aggregatedRules(view, [other, view]), []);
  });
});

describe('escalation coverage', () => {
  const owner: PolicyRule[] = [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', '*/status'] }];
  it('what is held is covered', () => {
    assert.deepEqual(missingRules(owner, [{ verbs: ['get'], apiGroups: [''], resources: ['pods', 'services/status'] }]), []);
  });
  it('what is not held is listed atom by atom', () => {
    assert.deepEqual(missingRules(owner, [{ verbs: ['get', 'delete'], apiGroups: [''], resources: ['pods'] }]), [{ verbs: ['delete'], apiGroups: [''], resources: ['pods'] }]);
  });
  it('is printed as CompactString', () => {
    assert.equal(compactString({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }), '{APIGroups:[""], Resources:["pods"], Verbs:["get" "list"]}');
    assert.equal(compactString({ verbs: ['get'], nonResourceURLs: ['/x'] }), '{NonResourceURLs:["/x"], Verbs:["get"]}');
  });
});
