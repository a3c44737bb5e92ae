// RBAC through the HTTP API: a ServiceAccount can do exactly what its Role grants, the review
// APIs agree with what requests get, impersonation needs `impersonate`, escalation is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { Test } from 'supertest';
import { issueClientCert } from '../../src/certs/index.js';
import { startCluster, type TestCluster } from './helpers.js';

type Verb = 'get' | 'post' | 'put' | 'delete' | 'patch';
type Client = (verb: Verb, path: string) => Test;

let cluster: TestCluster;
const RBAC = '/apis/rbac.authorization.k8s.io/v1';

function asUser(user: string, groups: string[] = []): Client {
  const { server } = cluster;
  const { certPem, keyPem } = issueClientCert(server.pki, user, groups);
  return (verb, path) => request(server.url)[verb](path).ca(server.pki.caCertPem).cert(certPem).key(keyPem).timeout(10_000);
}
function asToken(token: string): Client {
  const { server } = cluster;
  return (verb, path) => request(server.url)[verb](path).ca(server.pki.caCertPem).set('Authorization', `Bearer ${token}`).timeout(10_000);
}

async function create(path: string, body: Record<string, unknown>): Promise<void> {
  const res = await cluster.api.post(path).send(body);
  assert.equal(res.status, 201, res.text);
}

const role = (name: string, rules: unknown[]): Record<string, unknown> => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name }, rules });
const roleBinding = (name: string, roleRef: { kind: string; name: string }, subjects: unknown[]): Record<string, unknown> => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  subjects,
});

async function canI(client: Client, attrs: Record<string, string>): Promise<boolean> {
  const res = await client('post', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews').send({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: attrs } });
  assert.equal(res.status, 201, res.text);
  return res.body.status.allowed as boolean;
}

before(async () => {
  cluster = await startCluster();
  await create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  await create('/api/v1/namespaces/team/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ci' } });
  await create(`${RBAC}/namespaces/team/roles`, role('pod-reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }, { apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get'] }]));
  await create(`${RBAC}/namespaces/team/rolebindings`, roleBinding('ci-reads', { kind: 'Role', name: 'pod-reader' }, [{ kind: 'ServiceAccount', name: 'ci', namespace: 'team' }]));
  await create('/api/v1/namespaces/team/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
  await create('/api/v1/namespaces/team/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'private' } });
});

after(() => cluster.stop());

describe('a ServiceAccount bound to a Role', () => {
  let ci: Client;
  before(async () => {
    const res = await cluster.api.post('/api/v1/namespaces/team/serviceaccounts/ci/token').send({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} });
    ci = asToken(res.body.status.token as string);
  });

  it('can do what was granted', async () => {
    assert.equal((await ci('get', '/api/v1/namespaces/team/pods')).status, 200);
    assert.equal((await ci('get', '/api/v1/namespaces/team/configmaps/settings')).status, 200);
  });

  it('and nothing else, with Kubernetes 403 texts', async () => {
    const user = 'system:serviceaccount:team:ci';
    const cases: [Verb, string, string][] = [
      ['get', '/api/v1/namespaces/default/pods', `pods is forbidden: User "${user}" cannot list resource "pods" in API group "" in the namespace "default"`],
      ['delete', '/api/v1/namespaces/team/pods/x', `pods "x" is forbidden: User "${user}" cannot delete resource "pods" in API group "" in the namespace "team"`],
      ['get', '/api/v1/namespaces/team/pods/x/log', `pods "x" is forbidden: User "${user}" cannot get resource "pods/log" in API group "" in the namespace "team"`],
      ['get', '/api/v1/namespaces/team/configmaps/private', `configmaps "private" is forbidden: User "${user}" cannot get resource "configmaps" in API group "" in the namespace "team"`],
      ['get', '/api/v1/namespaces/team/configmaps', `configmaps is forbidden: User "${user}" cannot list resource "configmaps" in API group "" in the namespace "team"`],
      ['get', '/apis/apps/v1/deployments', `deployments.apps is forbidden: User "${user}" cannot list resource "deployments" in API group "apps" at the cluster scope`],
    ];
    for (const [verb, path, message] of cases) {
      const res = await ci(verb, path);
      assert.equal(res.status, 403, path);
      assert.equal(res.body.reason, 'Forbidden');
      assert.equal(res.body.message, message);
    }
  });

  it('SelfSubjectAccessReview agrees with what requests get', async () => {
    assert.equal(await canI(ci, { namespace: 'team', verb: 'list', resource: 'pods' }), true);
    assert.equal(await canI(ci, { namespace: 'team', verb: 'delete', resource: 'pods' }), false);
    assert.equal(await canI(ci, { namespace: 'team', verb: 'get', resource: 'configmaps', name: 'settings' }), true);
    assert.equal(await canI(ci, { namespace: 'team', verb: 'get', resource: 'configmaps', name: 'private' }), false);
  });

  it('SelfSubjectRulesReview lists the granted rules and the bootstrap ones', async () => {
    const res = await ci('post', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews').send({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: 'team' } });
    assert.equal(res.status, 201, res.text);
    const rules = res.body.status.resourceRules as { resources: string[]; verbs: string[]; resourceNames?: string[] }[];
    assert.ok(rules.some((r) => r.resources.includes('pods') && r.verbs.join() === 'get,list'));
    assert.ok(rules.some((r) => r.resources.includes('configmaps') && r.resourceNames?.join() === 'settings'));
    assert.ok(rules.some((r) => r.resources.includes('selfsubjectaccessreviews')));
    assert.equal(res.body.status.incomplete, false);
  });
});

describe('SubjectAccessReview', () => {
  it('answers for another user, with the RBAC reason', async () => {
    const res = await cluster.api.post('/apis/authorization.k8s.io/v1/subjectaccessreviews').send({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user: 'system:serviceaccount:team:ci', groups: ['system:serviceaccounts'], resourceAttributes: { namespace: 'team', verb: 'get', resource: 'pods' } },
    });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.status, { allowed: true, reason: 'RBAC: allowed by RoleBinding "ci-reads/team" of Role "pod-reader" to ServiceAccount "ci/team"' });
  });

  it('reports roles that cannot be found', async () => {
    await create(`${RBAC}/namespaces/team/rolebindings`, roleBinding('dangling', { kind: 'ClusterRole', name: 'no-such-role' }, [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'dana' }]));
    const res = await asUser('dana')('get', '/api/v1/namespaces/team/pods');
    assert.equal(res.body.message, 'pods is forbidden: User "dana" cannot list resource "pods" in API group "" in the namespace "team": RBAC: clusterrole.rbac.authorization.k8s.io "no-such-role" not found');
  });
});

describe('bootstrap policy', () => {
  it('aggregates view into edit into admin', async () => {
    const admin = await cluster.api.get(`${RBAC}/clusterroles/admin`);
    const resources = (admin.body.rules as { resources?: string[] }[]).flatMap((r) => r.resources ?? []);
    for (const r of ['roles', 'pods/exec', 'pods/log', 'secrets']) assert.ok(resources.includes(r), r);
  });

  it('a user bound to view reads but cannot write or read secrets', async () => {
    await create(`${RBAC}/namespaces/team/rolebindings`, roleBinding('viewers', { kind: 'ClusterRole', name: 'view' }, [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'viewers' }]));
    const vera = asUser('vera', ['viewers']);
    assert.equal((await vera('get', '/api/v1/namespaces/team/configmaps')).status, 200);
    assert.equal((await vera('get', '/api/v1/namespaces/team/secrets')).status, 403);
    assert.equal((await vera('post', '/api/v1/namespaces/team/configmaps').send({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).status, 403);
  });
});

describe('impersonation', () => {
  it('needs the impersonate verb', async () => {
    const res = await asUser('ivan')('get', '/api/v1/namespaces/team/pods').set('Impersonate-User', 'system:serviceaccount:team:ci');
    assert.equal(res.status, 403);
    assert.equal(res.body.message, 'serviceaccounts "ci" is forbidden: User "ivan" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "team"');
  });

  it('acts as the impersonated user when allowed', async () => {
    const res = await cluster.api.post('/apis/authentication.k8s.io/v1/selfsubjectreviews').set('Impersonate-User', 'jane').set('Impersonate-Group', 'dev').send({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
    assert.deepEqual(res.body.status.userInfo, { username: 'jane', groups: ['dev', 'system:authenticated'] });
    const denied = await cluster.api.get('/api/v1/namespaces/team/pods').set('Impersonate-User', 'jane');
    assert.equal(denied.status, 403);
  });
});

describe('escalation prevention', () => {
  before(async () => {
    // Ed may manage RBAC objects in team (the admin ClusterRole), but holds nothing cluster-wide.
    await create(`${RBAC}/namespaces/team/rolebindings`, roleBinding('ed-admin', { kind: 'ClusterRole', name: 'admin' }, [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'ed' }]));
  });

  it('refuses a binding to cluster-admin', async () => {
    const res = await asUser('ed')('post', `${RBAC}/namespaces/team/rolebindings`).send(roleBinding('ed-root', { kind: 'ClusterRole', name: 'cluster-admin' }, [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'ed' }]));
    assert.equal(res.status, 403);
    assert.match(res.body.message, /^rolebindings.rbac.authorization.k8s.io "ed-root" is forbidden: user "ed" \(groups=\["system:authenticated"\]\) is attempting to grant RBAC permissions not currently held:\n/);
  });

  it('refuses a Role granting more than held, allows one within', async () => {
    const tooMuch = await asUser('ed')('post', `${RBAC}/namespaces/team/roles`).send(role('nodes', [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]));
    assert.equal(tooMuch.status, 403);
    assert.equal(tooMuch.body.message, 'roles.rbac.authorization.k8s.io "nodes" is forbidden: user "ed" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["nodes"], Verbs:["get"]}');
    const within = await asUser('ed')('post', `${RBAC}/namespaces/team/roles`).send(role('within', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]));
    assert.equal(within.status, 201, within.text);
  });

  it('allows it with the escalate verb', async () => {
    await create('/apis/rbac.authorization.k8s.io/v1/clusterroles', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'escalator' }, rules: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'] }] });
    await create(`${RBAC}/namespaces/team/rolebindings`, roleBinding('ed-escalates', { kind: 'ClusterRole', name: 'escalator' }, [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'ed' }]));
    const res = await asUser('ed')('post', `${RBAC}/namespaces/team/roles`).send(role('nodes', [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]));
    assert.equal(res.status, 201, res.text);
  });
});

// requestinfo.go names a collection list or watch after an exact metadata.name field selector, so a
// rule with resourceNames allows listing and watching just that object (as `kubectl get cm x -w` does).
describe('resourceNames on list and watch', () => {
  const user = 'cm-lister';
  const path = '/api/v1/namespaces/team/configmaps';
  let lister: Client;
  before(async () => {
    const rules = [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['list', 'watch'] }];
    await create(`${RBAC}/namespaces/team/roles`, role('settings-lister', rules));
    await create(`${RBAC}/namespaces/team/rolebindings`, roleBinding('settings-lister', { kind: 'Role', name: 'settings-lister' }, [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }]));
    lister = asUser(user);
  });

  it('allows a list selecting the named object, and it still lists', async () => {
    const res = await lister('get', `${path}?fieldSelector=metadata.name%3Dsettings`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.kind, 'ConfigMapList');
    assert.deepEqual(
      (res.body.items as { metadata: { name: string } }[]).map((i) => i.metadata.name),
      ['settings'],
    );
  });

  it('allows a watch selecting the named object, and it still watches', async () => {
    const res = await lister('get', `${path}?fieldSelector=metadata.name%3Dsettings&watch=true&timeoutSeconds=1`);
    assert.equal(res.status, 200, res.text);
    const events = res.text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; object: { metadata: { name: string } } });
    assert.deepEqual(events.map((e) => [e.type, e.object.metadata.name]), [['ADDED', 'settings']]);
  });

  it('forbids another name, naming it as Kubernetes does, and a list of everything', async () => {
    const other = await lister('get', `${path}?fieldSelector=metadata.name%3Dprivate`);
    assert.equal(other.status, 403);
    assert.equal(other.body.message, `configmaps "private" is forbidden: User "${user}" cannot list resource "configmaps" in API group "" in the namespace "team"`);
    assert.equal(other.body.details.name, 'private');
    const all = await lister('get', path);
    assert.equal(all.status, 403);
    assert.equal(all.body.message, `configmaps is forbidden: User "${user}" cannot list resource "configmaps" in API group "" in the namespace "team"`);
    const watchAll = await lister('get', `${path}?watch=true&timeoutSeconds=1`);
    assert.equal(watchAll.status, 403);
  });

  it('SelfSubjectAccessReview agrees', async () => {
    assert.equal(await canI(lister, { namespace: 'team', verb: 'list', resource: 'configmaps', name: 'settings' }), true);
    assert.equal(await canI(lister, { namespace: 'team', verb: 'list', resource: 'configmaps' }), false);
  });
});
