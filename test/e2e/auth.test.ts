// Real kubectl against `kubefake start` as other users: per-user kubeconfigs from `kubefake
// kubeconfig`, token-file and ServiceAccount tokens, auth whoami / can-i / can-i --list, --as.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, makeTempDir, removeDir, startKubefakeProcess, type KubefakeProcess } from '../helpers/kubefake-process.js';
import { kubectl, skipWithoutKubectl, type KubectlResult } from '../helpers/kubectl.js';

const skip = skipWithoutKubectl();
const run = promisify(execFile);

describe('kubectl as other users', { skip }, () => {
  let server: KubefakeProcess;
  let cacheDir: string;
  let work: string;
  let alice: string;
  const admin = (...args: string[]): Promise<KubectlResult> => kubectl(server.kubeconfig, cacheDir, args);
  const asAlice = (...args: string[]): Promise<KubectlResult> => kubectl(alice, cacheDir, args);
  const withToken = (token: string, ...args: string[]): Promise<KubectlResult> =>
    kubectl('/dev/null', cacheDir, ['--server', server.url, '--certificate-authority', join(server.dataDir, 'certs', 'ca.crt'), '--token', token, ...args]);
  const ok = async (p: Promise<KubectlResult>): Promise<string> => {
    const r = await p;
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };

  before(async () => {
    work = await makeTempDir('kubefake-auth-e2e-');
    const tokens = join(work, 'tokens.csv');
    await writeFile(tokens, 'tina-token,tina,tina-uid,"readers"\n');
    server = await startKubefakeProcess({ args: ['--token-auth-file', tokens, '--storage', 'memory'] });
    cacheDir = await makeTempDir('kubefake-kubectl-cache-');
    alice = join(work, 'alice.kubeconfig');
    await run(process.execPath, [CLI, 'kubeconfig', '--user', 'alice', '--group', 'dev', '--data-dir', server.dataDir, '--out', alice]);
  });
  after(async () => {
    assert.equal(await server.stop(), 0, server.stderr());
    await Promise.all([removeDir(server.dataDir), removeDir(cacheDir), removeDir(work)]);
  });

  it('whoami prints the user of a kubefake kubeconfig', async () => {
    const out = await ok(asAlice('auth', 'whoami'));
    assert.match(out, /^Username\s+alice$/m);
    assert.match(out, /^Groups\s+\[dev system:authenticated\]$/m);
  });

  it('can-i answers no, then yes once a RoleBinding grants it, and requests agree', async () => {
    const denied = await asAlice('auth', 'can-i', 'list', 'pods');
    assert.equal(denied.code, 1);
    assert.equal(denied.stdout.trim(), 'no');
    const get = await asAlice('get', 'pods');
    assert.equal(get.code, 1);
    assert.match(get.stderr, /Error from server \(Forbidden\): pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"/);
    await ok(admin('create', 'rolebinding', 'alice-view', '--clusterrole=view', '--user=alice'));
    assert.equal((await ok(asAlice('auth', 'can-i', 'list', 'pods'))).trim(), 'yes');
    assert.match(await ok(asAlice('get', 'pods')), /^$|No resources found/);
    const secrets = await asAlice('auth', 'can-i', 'get', 'secrets');
    assert.equal(secrets.stdout.trim(), 'no');
  });

  it('a Role with resourceNames lets a user list and get just that object, with a metadata.name field selector', async () => {
    await ok(admin('create', 'namespace', 'names'));
    for (const name of ['settings', 'private']) await ok(admin('create', 'configmap', name, '-n', 'names', '--from-literal=k=v'));
    await ok(admin('create', 'role', 'settings-reader', '-n', 'names', '--verb=get,list,watch', '--resource=configmaps', '--resource-name=settings'));
    await ok(admin('create', 'rolebinding', 'settings-reader', '-n', 'names', '--role=settings-reader', '--user=alice'));
    assert.match(await ok(asAlice('get', 'configmap', 'settings', '-n', 'names')), /^settings\s+1\s+/m);
    const selected = await ok(asAlice('get', 'configmaps', '-n', 'names', '--field-selector', 'metadata.name=settings', '-o', 'name'));
    assert.equal(selected.trim(), 'configmap/settings');
    const all = await asAlice('get', 'configmaps', '-n', 'names');
    assert.equal(all.code, 1);
    assert.match(all.stderr, /configmaps is forbidden: User "alice" cannot list resource "configmaps" in API group "" in the namespace "names"/);
    const other = await asAlice('get', 'configmaps', '-n', 'names', '--field-selector', 'metadata.name=private');
    assert.equal(other.code, 1);
    assert.match(other.stderr, /configmaps "private" is forbidden/);
  });

  it('can-i --list prints the rules', async () => {
    const out = await ok(asAlice('auth', 'can-i', '--list'));
    assert.match(out, /^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/m);
    assert.match(out, /^selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]$/m);
    assert.match(out, /^pods\s+\[\]\s+\[\]\s+\[get list watch\]$/m);
    assert.match(out, /^\s+\[\/healthz\]\s+\[\]\s+\[get\]$/m);
  });

  it('a token-file user and a ServiceAccount token work; a bad token is Unauthorized', async () => {
    assert.match(await ok(withToken('tina-token', 'auth', 'whoami')), /^Username\s+tina$/m);
    await ok(admin('create', 'serviceaccount', 'robot'));
    const token = await ok(admin('create', 'token', 'robot', '--duration', '10m'));
    assert.match(await ok(withToken(token.trim(), 'auth', 'whoami')), /^Username\s+system:serviceaccount:default:robot$/m);
    const bad = await withToken('bogus', 'get', 'pods');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /error: You must be logged in to the server \(Unauthorized\)/);
  });

  it('--as needs impersonate', async () => {
    const res = await asAlice('get', 'pods', '--as', 'bob');
    assert.equal(res.code, 1);
    assert.match(res.stderr, /Error from server \(Forbidden\): users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope/);
    assert.match(await ok(admin('auth', 'whoami', '--as', 'bob', '--as-group', 'qa')), /^Username\s+bob$/m);
  });

  it('a user without escalate cannot grant themselves cluster-admin', async () => {
    await ok(admin('create', 'rolebinding', 'alice-admin', '--clusterrole=admin', '--user=alice'));
    const res = await asAlice('create', 'rolebinding', 'alice-root', '--clusterrole=cluster-admin', '--user=alice');
    assert.equal(res.code, 1);
    assert.match(res.stderr, /is forbidden: user "alice" \(groups=\["dev" "system:authenticated"\]\) is attempting to grant RBAC permissions not currently held/);
  });
});
