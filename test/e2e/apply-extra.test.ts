// More of kubectl's patch-based flows against `kubefake start`: apply --prune with a label
// selector, server-side apply against other managers (kubectl edit, kubectl scale) with
// --force-conflicts, a strategic `$patch: delete`, and diff --server-side.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { skipWithoutKubectl } from '../helpers/kubectl.js';
import { useKubectlSession } from '../helpers/kubectl-session.js';

const skip = skipWithoutKubectl();

interface ManagedFieldsEntry {
  manager: string;
  operation: string;
  apiVersion: string;
  subresource?: string;
  time: string;
}

function configMap(name: string, app: string, value: string): string {
  return ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`, `  labels: {app: ${app}}`, 'data:', `  value: ${value}`, ''].join('\n');
}

function deployment(name: string, image: string, replicas = 2): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    `    matchLabels: {app: ${name}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${name}}`,
    '    spec:',
    '      containers:',
    '      - name: web',
    `        image: ${image}`,
    '',
  ].join('\n');
}

const managers = (obj: Record<string, any>): string[] =>
  (obj.metadata.managedFields as ManagedFieldsEntry[]).map((m) => [m.manager, m.operation, m.subresource].filter(Boolean).join('/')).sort();

describe('kubectl apply --prune, server-side apply conflicts, strategic $patch and diff --server-side', { skip }, () => {
  const session = useKubectlSession();
  const { k, ok, json, manifest } = session;
  const updateTime = (obj: Record<string, any>, manager: string): string =>
    (obj.metadata.managedFields as ManagedFieldsEntry[]).find((m) => m.manager === manager && m.operation === 'Update')!.time;

  it('apply --prune -l removes what was dropped from the applied set, and only that', async () => {
    const dir = join(session.workDir, 'set');
    await mkdir(dir);
    await writeFile(join(dir, 'a.yaml'), configMap('kept', 'shop', 'a'));
    await writeFile(join(dir, 'b.yaml'), configMap('dropped', 'shop', 'b'));
    await writeFile(join(dir, 'c.yaml'), configMap('other-app', 'blog', 'c'));
    // Created without apply: no last-applied annotation, so prune leaves it alone.
    await ok('create', 'configmap', 'unapplied', '--from-literal=value=d');
    await ok('label', 'configmap', 'unapplied', 'app=shop');
    const first = await ok('apply', '--prune', '-l', 'app=shop', '-f', dir);
    assert.match(first, /^configmap\/kept created$/m);
    assert.match(first, /^configmap\/dropped created$/m);
    assert.doesNotMatch(first, /other-app/);
    await ok('apply', '-f', join(dir, 'c.yaml'));
    await rm(join(dir, 'b.yaml'));
    const second = await ok('apply', '--prune', '-l', 'app=shop', '-f', dir);
    assert.match(second, /^configmap\/kept unchanged$/m);
    assert.match(second, /^configmap\/dropped pruned$/m);
    assert.deepEqual((await ok('get', 'configmaps', '-l', 'app', '-o', 'name')).trim().split('\n').sort(), ['configmap/kept', 'configmap/other-app', 'configmap/unapplied']);
  });

  it('apply --server-side conflicts with a kubectl edit, and --force-conflicts takes the field back', async () => {
    const file = await manifest('edited.yaml', deployment('edited', 'nginx:1.27'));
    assert.match(await ok('apply', '--server-side', '-f', file), /^deployment\.apps\/edited serverside-applied$/m);
    const edit = await session.run(['edit', 'deploy', 'edited'], { env: { KUBE_EDITOR: 'sed -i s/nginx:1.27/nginx:1.28/', EDITOR: '' } });
    assert.equal(edit.code, 0, edit.stderr);
    assert.match(edit.stdout, /^deployment\.apps\/edited edited$/m);
    const time = updateTime(await json('get', 'deploy', 'edited', '--show-managed-fields'), 'kubectl-edit');
    const conflict = await k('apply', '--server-side', '-f', file);
    assert.equal(conflict.code, 1, conflict.stdout);
    assert.match(
      conflict.stderr,
      new RegExp(`^error: Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1 at ${time}: \\.spec\\.template\\.spec\\.containers\\[name="web"\\]\\.image$`, 'm'),
    );
    assert.match(conflict.stderr, /re-run the apply\s+command with the `--force-conflicts` flag/);
    assert.equal((await json('get', 'deploy', 'edited')).spec.template.spec.containers[0].image, 'nginx:1.28');
    assert.match(await ok('apply', '--server-side', '--force-conflicts', '-f', file), /serverside-applied/);
    const dep = await json('get', 'deploy', 'edited', '--show-managed-fields');
    assert.equal(dep.spec.template.spec.containers[0].image, 'nginx:1.27');
    // kubectl-edit owned only the image: once it is taken, its entry goes.
    assert.deepEqual(managers(dep), ['kubectl/Apply']);
  });

  it('replace -f of what get --show-managed-fields wrote, twice: the managedFields sent back are kept and the replacer takes only the image', async () => {
    await ok('apply', '--server-side', '-f', await manifest('replaced.yaml', deployment('replaced', 'nginx:1.27')));
    for (const image of ['nginx:1.28', 'nginx:1.29']) {
      const live = await json('get', 'deploy', 'replaced', '--show-managed-fields');
      live.spec.template.spec.containers[0].image = image;
      assert.match(await ok('replace', '-f', await manifest('replaced.json', JSON.stringify(live))), /^deployment\.apps\/replaced replaced$/m);
      const dep = await json('get', 'deploy', 'replaced', '--show-managed-fields');
      assert.equal(dep.spec.template.spec.containers[0].image, image);
      assert.deepEqual(managers(dep), ['kubectl-replace/Update', 'kubectl/Apply']);
      const entries = dep.metadata.managedFields as (ManagedFieldsEntry & { fieldsV1: Record<string, any> })[];
      const replacer = entries.find((m) => m.manager === 'kubectl-replace')!;
      assert.deepEqual(replacer.fieldsV1, { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { 'f:image': {} } } } } } });
      const applier = entries.find((m) => m.manager === 'kubectl')!;
      assert.deepEqual(Object.keys(applier.fieldsV1['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"web"}']), ['.', 'f:name']);
    }
  });

  it('apply --server-side conflicts with kubectl scale (an Update through /scale), and --force-conflicts takes replicas back', async () => {
    const file = await manifest('scaled.yaml', deployment('scaled', 'nginx:1.27'));
    await ok('apply', '--server-side', '-f', file);
    assert.match(await ok('scale', 'deploy', 'scaled', '--replicas=5'), /^deployment\.apps\/scaled scaled$/m);
    const scaled = await json('get', 'deploy', 'scaled', '--show-managed-fields');
    const entry = (scaled.metadata.managedFields as ManagedFieldsEntry[]).find((m) => m.operation === 'Update');
    assert.deepEqual(
      { manager: entry?.manager, apiVersion: entry?.apiVersion, subresource: entry?.subresource },
      { manager: 'kubectl', apiVersion: 'apps/v1', subresource: 'scale' },
    );
    const conflict = await k('apply', '--server-side', '-f', file);
    assert.equal(conflict.code, 1, conflict.stdout);
    assert.match(
      conflict.stderr,
      new RegExp(`^error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1 at ${entry?.time}: \\.spec\\.replicas$`, 'm'),
    );
    assert.equal((await json('get', 'deploy', 'scaled')).spec.replicas, 5);
    await ok('apply', '--server-side', '--force-conflicts', '-f', file);
    const dep = await json('get', 'deploy', 'scaled', '--show-managed-fields');
    assert.equal(dep.spec.replicas, 2);
    assert.deepEqual(managers(dep), ['kubectl/Apply']);
  });

  it('apply --server-side twice with a container port without protocol: the defaulted key is part of the list-map key', async () => {
    const ports = deployment('ports', 'nginx:1.27').replace('        image: nginx:1.27\n', '        image: nginx:1.27\n        ports:\n        - name: http\n          containerPort: 80\n');
    const file = await manifest('ports.yaml', ports);
    await ok('apply', '--server-side', '-f', file);
    assert.match(await ok('apply', '--server-side', '-f', file), /^deployment\.apps\/ports serverside-applied$/m);
    assert.match(await ok('apply', '--server-side', '-f', await manifest('ports2.yaml', ports.replace('nginx:1.27', 'nginx:1.28'))), /serverside-applied/);
    const dep = await json('get', 'deploy', 'ports', '--show-managed-fields');
    assert.deepEqual(dep.spec.template.spec.containers[0].ports, [{ containerPort: 80, name: 'http', protocol: 'TCP' }]);
    const owned = dep.metadata.managedFields[0].fieldsV1['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"web"}']['f:ports'];
    assert.deepEqual(Object.keys(owned), ['k:{"containerPort":80,"protocol":"TCP"}']);
  });

  it('patch --type strategic with $patch: delete removes one container by its merge key', async () => {
    const file = await manifest('two.yaml', deployment('two', 'nginx:1.27').replace('        image: nginx:1.27\n', '        image: nginx:1.27\n      - name: sidecar\n        image: busybox\n'));
    await ok('create', '-f', file);
    const patched = await ok('patch', 'deploy', 'two', '--type', 'strategic', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}');
    assert.match(patched, /^deployment\.apps\/two patched$/m);
    const dep = await json('get', 'deploy', 'two');
    assert.deepEqual(dep.spec.template.spec.containers.map((c: { name: string }) => c.name), ['web']);
    assert.equal(dep.metadata.generation, 2);
    // The same patch again finds nothing to delete and changes nothing.
    assert.match(await ok('patch', 'deploy', 'two', '--type', 'strategic', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}'), /^deployment\.apps\/two patched \(no change\)$/m);
  });

  it('diff --server-side: exit 0 when applying would change nothing, 1 with the change, and nothing stored', async () => {
    const file = await manifest('differ.yaml', deployment('differ', 'nginx:1.27'));
    await ok('apply', '--server-side', '-f', file);
    const stored = await json('get', 'deploy', 'differ');
    const same = await k('diff', '--server-side', '-f', file);
    assert.equal(same.code, 0, `${same.stdout}${same.stderr}`);
    assert.equal(same.stdout, '');
    const changed = await manifest('differ2.yaml', deployment('differ', 'nginx:1.29', 3));
    const diff = await k('diff', '--server-side', '-f', changed);
    assert.equal(diff.code, 1, diff.stderr);
    assert.match(diff.stdout, /^-\s+replicas: 2$/m);
    assert.match(diff.stdout, /^\+\s+replicas: 3$/m);
    assert.match(diff.stdout, /^-\s+- image: nginx:1\.27$/m);
    assert.match(diff.stdout, /^\+\s+- image: nginx:1\.29$/m);
    assert.match(diff.stdout, /^-\s+generation: 1$/m);
    assert.match(diff.stdout, /^\+\s+generation: 2$/m);
    assert.doesNotMatch(diff.stdout, /managedFields/);
    const unchanged = await json('get', 'deploy', 'differ');
    assert.equal(unchanged.metadata.resourceVersion, stored.metadata.resourceVersion);
    assert.equal(unchanged.spec.replicas, 2);
  });
});
