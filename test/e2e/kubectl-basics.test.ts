// Real kubectl against the real `kubefake start` process: the commands a newcomer runs first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventually, kubectlBackground, skipWithoutKubectl } from '../helpers/kubectl.js';
import { useKubectlSession } from '../helpers/kubectl-session.js';

const skip = skipWithoutKubectl();

describe('kubectl basics', { skip }, () => {
  const session = useKubectlSession([]);
  const { k, ok } = session;

  it('lists the four system namespaces', async () => {
    const out = await ok('get', 'ns');
    assert.match(out, /^NAME\s+STATUS\s+AGE$/m);
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) assert.match(out, new RegExp(`^${ns}\\s+Active\\s+\\d+s$`, 'm'));
  });

  it('keeps ConfigMap keys named like JavaScript object members (__proto__, constructor)', async () => {
    await ok('create', 'configmap', 'odd-keys', '--from-literal=__proto__=p', '--from-literal=constructor=c');
    const data = JSON.parse(await ok('get', 'configmap', 'odd-keys', '-o', 'jsonpath={.data}')) as object;
    assert.deepEqual(Object.entries(data).sort(), [['__proto__', 'p'], ['constructor', 'c']]);
    await ok('patch', 'configmap', 'odd-keys', '--type=merge', '-p', '{"data":{"__proto__":"patched"}}');
    assert.equal(await ok('get', 'configmap', 'odd-keys', '-o', 'jsonpath={.data.__proto__}'), 'patched');
  });

  it('reports a v1.32 server', async () => {
    assert.match(await ok('version'), /Server Version: v1\.32\.\d+/);
  });

  it('prints api-versions and api-resources like a v1.32 cluster', async () => {
    const versions = (await ok('api-versions')).trim().split('\n');
    for (const gv of ['v1', 'apps/v1', 'batch/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'events.k8s.io/v1', 'networking.k8s.io/v1', 'policy/v1', 'scheduling.k8s.io/v1', 'storage.k8s.io/v1']) {
      assert.ok(versions.includes(gv), `api-versions lacks ${gv}`);
    }
    assert.deepEqual(versions, [...versions].sort());
    const resources = await ok('api-resources');
    assert.match(resources, /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/m);
    assert.match(resources, /^pods\s+po\s+v1\s+true\s+Pod$/m);
    assert.match(resources, /^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
    assert.match(resources, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    assert.match(resources, /^cronjobs\s+cj\s+batch\/v1\s+true\s+CronJob$/m);
    assert.match(resources, /^priorityclasses\s+pc\s+scheduling\.k8s\.io\/v1\s+false\s+PriorityClass$/m);
    const wide = await ok('api-resources', '-o', 'wide');
    assert.match(wide, /^pods\s+po\s+v1\s+true\s+Pod\s+create,delete,deletecollection,get,list,patch,update,watch\s+all$/m);
  });

  it('runs a pod and shows it in table, wide, yaml and json forms', async () => {
    assert.match(await ok('run', 'web', '--image=nginx'), /^pod\/web created$/m);
    const table = await ok('get', 'pods');
    assert.match(table, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);
    assert.match(table, /^web\s+0\/1\s+Pending\s+0\s+\d+s$/m);
    const wide = await ok('get', 'pods', '-o', 'wide');
    assert.match(wide, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/m);
    assert.match(wide, /^web\s+0\/1\s+Pending\s+0\s+\d+s\s+<none>\s+<none>\s+<none>\s+<none>$/m);
    const yaml = await ok('get', 'pod', 'web', '-o', 'yaml');
    assert.match(yaml, /^kind: Pod$/m);
    assert.match(yaml, /^ {2}uid: [0-9a-f-]{36}$/m);
    assert.match(yaml, /^ {2}phase: Pending$/m);
    const pod = JSON.parse(await ok('get', 'po', 'web', '-o', 'json'));
    assert.equal(pod.metadata.labels.run, 'web');
    assert.match(pod.metadata.creationTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('creates from a manifest, refuses a duplicate, and shows it in get all', async () => {
    const file = join(session.workDir, 'deploy.yaml');
    await writeFile(
      file,
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n      - name: api\n        image: nginx:1.27\n',
    );
    assert.match(await ok('create', '-f', file), /^deployment\.apps\/api created$/m);
    const again = await k('create', '-f', file);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /Error from server \(AlreadyExists\): error when creating ".*deploy\.yaml": deployments\.apps "api" already exists/);
    const all = await ok('get', 'all');
    assert.match(all, /^pod\/web\s+0\/1\s+Pending/m);
    assert.match(all, /^service\/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/m);
    assert.match(all, /^deployment\.apps\/api\s+0\/2\s+0\s+0\s+\d+s$/m);
    const dep = JSON.parse(await ok('get', 'deploy', 'api', '-o', 'json'));
    assert.equal(dep.metadata.generation, 1);
  });

  it('creates with --dry-run=server without storing', async () => {
    const file = join(session.workDir, 'cm.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dry\ndata:\n  a: "1"\n');
    assert.match(await ok('create', '-f', file, '--dry-run=server'), /^configmap\/dry created \(server dry run\)$/m);
    const get = await k('get', 'cm', 'dry');
    assert.equal(get.code, 1);
    assert.match(get.stderr, /Error from server \(NotFound\): configmaps "dry" not found/);
  });

  it('labels a pod and selects by the label', async () => {
    assert.match(await ok('label', 'pod', 'web', 'tier=front'), /^pod\/web labeled$/m);
    assert.match(await ok('get', 'pods', '-l', 'tier=front', '-o', 'name'), /^pod\/web$/m);
    assert.match(await ok('get', 'pods', '-l', 'tier in (back)'), /^$|No resources found/);
    assert.match(await ok('get', 'pods', '--field-selector', 'status.phase=Pending', '-o', 'name'), /^pod\/web$/m);
    const bad = await k('get', 'pods', '--field-selector', 'spec.bogus=x');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /field label not supported: spec\.bogus/);
  });

  it('creates a namespace (a protobuf body) and shows it', async () => {
    assert.match(await ok('create', 'namespace', 'team-a'), /^namespace\/team-a created$/m);
    const ns = JSON.parse(await ok('get', 'ns', 'team-a', '-o', 'json'));
    assert.equal(ns.status.phase, 'Active');
    assert.deepEqual(ns.spec.finalizers, ['kubernetes']);
    assert.equal(ns.metadata.labels['kubernetes.io/metadata.name'], 'team-a');
  });

  it('deletes a namespace with its content, and refuses to delete default', async () => {
    await ok('create', 'namespace', 'doomed');
    await writeFile(join(session.workDir, 'doomed.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inside\n  namespace: doomed\n');
    await ok('create', '-f', join(session.workDir, 'doomed.yaml'));
    assert.match(await ok('delete', 'namespace', 'doomed'), /^namespace "doomed" deleted$/m);
    const gone = await k('get', 'namespace', 'doomed');
    assert.match(gone.stderr, /Error from server \(NotFound\): namespaces "doomed" not found/);
    // kubectl follows a NotFound with a GET of the namespace and reports that instead.
    const content = await k('get', 'configmap', 'inside', '-n', 'doomed');
    assert.match(content.stderr, /Error from server \(NotFound\): namespaces "doomed" not found/);
    const immortal = await k('delete', 'namespace', 'default');
    assert.equal(immortal.code, 1);
    assert.match(immortal.stderr, /Error from server \(Forbidden\): namespaces "default" is forbidden: this namespace may not be deleted/);
  });

  it('explains fields from the OpenAPI documents', async () => {
    const out = await ok('explain', 'pods.spec.containers');
    assert.match(out, /^KIND:\s+Pod$/m);
    assert.match(out, /^FIELD: containers <\[\]Container>$/m);
    const rec = await ok('explain', 'deploy.spec.strategy', '--recursive');
    assert.match(rec, /^GROUP:\s+apps$/m);
    assert.match(rec, /rollingUpdate\s+<RollingUpdateDeployment>/);
    assert.match(rec, /maxSurge\s+<IntOrString>/);
  });

  it('watches with get -w --output-watch-events', async () => {
    const watch = kubectlBackground(session.server.kubeconfig, session.cacheDir, ['get', 'configmaps', '-w', '--output-watch-events']);
    try {
      // Whether the watch starts before or after the create, the object shows as ADDED.
      await writeFile(join(session.workDir, 'watched.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: watched\ndata:\n  a: b\n');
      await ok('create', '-f', join(session.workDir, 'watched.yaml'));
      await eventually(() => /ADDED\s+watched\s+1\s+\d+s/.test(watch.output()), 10000, 'the ADDED event');
      await ok('label', 'configmap', 'watched', 'x=y');
      await eventually(() => /MODIFIED\s+watched\s+1\s+\d+s/.test(watch.output()), 10000, 'the MODIFIED event');
      await ok('delete', 'configmap', 'watched');
      await eventually(() => /DELETED\s+watched\s+1\s+\d+s/.test(watch.output()), 10000, 'the DELETED event');
    } finally {
      await watch.stop();
    }
  });

  it('deletes a pod and then cannot find it', async () => {
    assert.match(await ok('delete', 'pod', 'web'), /^pod "web" deleted$/m);
    const get = await k('get', 'pod', 'web');
    assert.equal(get.code, 1);
    assert.match(get.stderr, /^Error from server \(NotFound\): pods "web" not found$/m);
  });

  it('refuses invalid names with the causes kubectl prints', async () => {
    const file = join(session.workDir, 'bad.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n');
    const r = await k('create', '-f', file);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /The ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });
});

describe('kubectl create generators (protobuf bodies)', { skip }, () => {
  const session = useKubectlSession();
  const { ok } = session;

  it('creates configmaps, secrets, deployments, services, jobs and cronjobs', async () => {
    assert.match(await ok('create', 'configmap', 'settings', '--from-literal=mode=fast'), /^configmap\/settings created$/m);
    assert.match(await ok('create', 'secret', 'generic', 'creds', '--from-literal=user=admin'), /^secret\/creds created$/m);
    assert.match(await ok('create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--port=80'), /^deployment\.apps\/web created$/m);
    assert.match(await ok('create', 'service', 'clusterip', 'web', '--tcp=80:8080'), /^service\/web created$/m);
    assert.match(await ok('create', 'job', 'once', '--image=busybox'), /^job\.batch\/once created$/m);
    assert.match(await ok('create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *'), /^cronjob\.batch\/tick created$/m);
    const cm = JSON.parse(await ok('get', 'cm', 'settings', '-o', 'json'));
    assert.deepEqual(cm.data, { mode: 'fast' });
    assert.match(await ok('get', 'secret', 'creds'), /^creds\s+Opaque\s+1\s+\d+s$/m);
    assert.match(await ok('get', 'deploy', 'web'), /^web\s+0\/3\s+0\s+0\s+\d+s$/m);
    assert.match(await ok('get', 'svc', 'web'), /^web\s+ClusterIP\s+\S+\s+<none>\s+80\/TCP\s+\d+s$/m);
    assert.match(await ok('get', 'cronjob', 'tick'), /^tick\s+\*\/5 \* \* \* \*\s+<none>\s+\S+\s+0\s+<none>\s+\d+s$/m);
  });

  it('serves one stored Event in core/v1 and events.k8s.io/v1', async () => {
    const event = [
      'apiVersion: v1',
      'kind: Event',
      'metadata: {name: started}',
      'involvedObject: {kind: Pod, name: web-1, namespace: default}',
      'reason: Started',
      'message: Started container web',
      'type: Normal',
      'source: {component: kubelet}',
      'count: 2',
    ].join('\n');
    const created = await session.run(['create', '-f', '-'], { input: event });
    assert.equal(created.code, 0, created.stderr);
    const asEventsV1 = JSON.parse(await ok('get', 'events.v1.events.k8s.io', 'started', '-o', 'json'));
    assert.equal(asEventsV1.apiVersion, 'events.k8s.io/v1');
    assert.equal(asEventsV1.note, 'Started container web');
    assert.deepEqual(asEventsV1.regarding, { kind: 'Pod', name: 'web-1', namespace: 'default' });
    assert.equal(asEventsV1.deprecatedCount, 2);
    assert.match(await ok('get', 'events'), /^\S+\s+Normal\s+Started\s+pod\/web-1\s+Started container web$/m);
  });
});
