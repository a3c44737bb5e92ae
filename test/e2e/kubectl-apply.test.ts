// kubectl's write flows that ride on patches: client-side apply (strategic merge), server-side
// apply with conflicts and force, diff, edit, set image, rollout restart, scale, patch types.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutKubectl } from '../helpers/kubectl.js';
import { useKubectlSession } from '../helpers/kubectl-session.js';
import { kubectlRunFieldsV1 } from '../helpers/kubectl-run-fields.js';

const skip = skipWithoutKubectl();

function deployment(image: string, extra = ''): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    '      containers:',
    '      - name: web',
    `        image: ${image}`,
    extra,
  ].join('\n');
}

describe('kubectl apply, diff, edit and patches', { skip }, () => {
  const session = useKubectlSession();
  const { k, ok, json, manifest } = session;

  it('applies: created, unchanged, configured, and drops what the file dropped', async () => {
    const v1 = await manifest('v1.yaml', deployment('nginx:1.27', '      - name: sidecar\n        image: busybox'));
    assert.match(await ok('apply', '-f', v1), /^deployment\.apps\/web created$/m);
    assert.match(await ok('apply', '-f', v1), /^deployment\.apps\/web unchanged$/m);
    const v2 = await manifest('v2.yaml', deployment('nginx:1.28'));
    assert.match(await ok('apply', '-f', v2), /^deployment\.apps\/web configured$/m);
    const dep = await json('get', 'deploy', 'web');
    assert.deepEqual(dep.spec.template.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`), ['web=nginx:1.28']);
  });

  it('diffs: exit 0 without changes, 1 with them, and stores nothing', async () => {
    const same = await manifest('same.yaml', deployment('nginx:1.28'));
    assert.equal((await k('diff', '-f', same)).code, 0);
    const changed = await manifest('changed.yaml', deployment('nginx:1.29'));
    const diff = await k('diff', '-f', changed);
    assert.equal(diff.code, 1, diff.stderr);
    assert.match(diff.stdout, /^-\s+- image: nginx:1\.28$/m);
    assert.match(diff.stdout, /^\+\s+- image: nginx:1\.29$/m);
    assert.equal((await json('get', 'deploy', 'web')).spec.template.spec.containers[0].image, 'nginx:1.28');
  });

  it('records managedFields per manager', async () => {
    const dep = await json('get', 'deploy', 'web', '--show-managed-fields');
    const entry = dep.metadata.managedFields.find((m: { manager: string }) => m.manager === 'kubectl-client-side-apply');
    assert.ok(entry, JSON.stringify(dep.metadata.managedFields));
    assert.equal(entry.operation, 'Update');
    assert.equal(entry.fieldsType, 'FieldsV1');
    assert.ok(entry.fieldsV1['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"web"}']);
  });

  it('records a create as kube-apiserver does: the request and its defaults, not what admission added', async () => {
    await ok('run', 'owned', '--image=nginx');
    const pod = await json('get', 'pod', 'owned', '--show-managed-fields');
    // The ServiceAccount plugin mounted the token volume, after the field manager ran.
    assert.ok(pod.spec.volumes.some((v: { name: string }) => v.name.startsWith('kube-api-access-')), JSON.stringify(pod.spec.volumes));
    assert.deepEqual(pod.metadata.managedFields.map((m: { manager: string; operation: string }) => `${m.manager}/${m.operation}`), ['kubectl-run/Update']);
    assert.deepEqual(pod.metadata.managedFields[0].fieldsV1, kubectlRunFieldsV1('owned'));
    await ok('delete', 'pod', 'owned', '--wait=false');
  });

  it('sets an image, restarts a rollout, scales, annotates, edits and patches', async () => {
    assert.match(await ok('set', 'image', 'deploy/web', 'web=nginx:1.30'), /image updated/);
    assert.match(await ok('rollout', 'restart', 'deploy/web'), /restarted/);
    assert.match(await ok('scale', 'deploy', 'web', '--replicas=4'), /scaled/);
    assert.match(await ok('annotate', 'deploy', 'web', 'team=blue'), /annotated/);
    const viaEditor = await session.run(['edit', 'deploy', 'web'], { env: { KUBE_EDITOR: 'sed -i s/replicas:\\ 4/replicas:\\ 5/', EDITOR: '' } });
    assert.equal(viaEditor.code, 0, viaEditor.stderr);
    assert.match(viaEditor.stdout, /edited/);
    assert.match(await ok('patch', 'deploy', 'web', '--type=merge', '-p', '{"metadata":{"labels":{"via":"merge"}}}'), /patched/);
    assert.match(await ok('patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"add","path":"/metadata/labels/via-json","value":"yes"}]'), /patched/);
    assert.match(await ok('patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"extra","image":"busybox"}]}}}}'), /patched/);
    const dep = await json('get', 'deploy', 'web');
    assert.equal(dep.spec.replicas, 5);
    assert.equal(dep.metadata.annotations.team, 'blue');
    assert.ok(dep.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']);
    assert.deepEqual(dep.metadata.labels, { via: 'merge', 'via-json': 'yes' });
    assert.deepEqual(dep.spec.template.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`), ['extra=busybox', 'web=nginx:1.30']);
    const bad = await k('patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":9}]');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Error from server \(Invalid\)|the server rejected our request/);
  });

  it('server-side applies, refuses a conflict, and takes the field with --force-conflicts', async () => {
    const cm = await manifest('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  owner: first\n');
    assert.match(await ok('apply', '--server-side', '--field-manager=first', '-f', cm), /^configmap\/ssa serverside-applied$/m);
    const other = await manifest('cm2.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  owner: second\n');
    const conflict = await k('apply', '--server-side', '--field-manager=second', '-f', other);
    assert.equal(conflict.code, 1);
    assert.match(conflict.stderr, /Apply failed with 1 conflict: conflict with "first": \.data\.owner/);
    assert.match(await ok('apply', '--server-side', '--field-manager=second', '--force-conflicts', '-f', other), /serverside-applied/);
    const got = await json('get', 'cm', 'ssa', '--show-managed-fields');
    assert.equal(got.data.owner, 'second');
    // "first" owned only data.owner; once it is taken, its entry goes.
    assert.deepEqual(
      got.metadata.managedFields.map((m: { manager: string; operation: string }) => `${m.manager}/${m.operation}`),
      ['second/Apply'],
    );
  });

  it('replaces a whole object', async () => {
    const cm = await json('get', 'cm', 'ssa');
    cm.data = { replaced: 'yes' };
    const file = await manifest('replace.json', JSON.stringify(cm));
    assert.match(await ok('replace', '-f', file), /^configmap\/ssa replaced$/m);
    assert.deepEqual((await json('get', 'cm', 'ssa')).data, { replaced: 'yes' });
  });

  it('patches status through --subresource=status, which leaves a Deployment\'s labels as they were', async () => {
    const patch = JSON.stringify({ metadata: { labels: { sneaky: 'yes' } }, status: { replicas: 9 } });
    assert.match(await ok('patch', 'deploy', 'web', '--subresource=status', '--type=merge', '-p', patch), /^deployment\.apps\/web patched$/m);
    const dep = await json('get', 'deploy', 'web', '--show-managed-fields');
    assert.equal(dep.metadata.labels?.sneaky, undefined);
    assert.equal(dep.status.replicas, 9);
    const entry = dep.metadata.managedFields.find((m: { manager: string; subresource?: string }) => m.manager === 'kubectl-patch' && m.subresource === 'status');
    assert.deepEqual(entry?.fieldsV1, { 'f:status': { 'f:replicas': {} } });
  });
});
