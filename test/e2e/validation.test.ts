// Real kubectl against `kubefake start`: field validation (Strict, Ignore, Warn), the defaults a
// real cluster stores for `kubectl run` and `kubectl create deployment`, and invalid creates and
// updates printed as kubectl prints a 422.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { skipWithoutKubectl } from '../helpers/kubectl.js';
import { useKubectlSession } from '../helpers/kubectl-session.js';

const skip = skipWithoutKubectl();

/** A pod with two fields the Pod schema does not have. */
const UNKNOWN_FIELDS = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: unknown',
  'spec:',
  '  bogusField: 1',
  '  containers:',
  '  - name: c',
  '    image: nginx',
  '    colour: red',
  '',
].join('\n');

const STRICT_ERROR =
  'Error from server (BadRequest): error when creating "FILE": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.bogusField", unknown field "spec.containers[0].colour"';

const POD_UPDATE_FORBIDDEN =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const pick = (o: Record<string, unknown>, keys: string[]): Record<string, unknown> => Object.fromEntries(keys.map((key) => [key, o[key]]));

describe('kubectl: field validation, defaults and invalid objects', { skip }, () => {
  const session = useKubectlSession();
  const { k, ok, fails, manifest } = session;
  const yaml = async (...args: string[]): Promise<Record<string, any>> => parse(await ok(...args, '-o', 'yaml')) as Record<string, any>;

  it('create -f refuses unknown fields with the strict decoding error, and stores nothing', async () => {
    const file = await manifest('unknown.yaml', UNKNOWN_FIELDS);
    const stderr = await fails('create', '-f', file);
    assert.equal(stderr.trim(), STRICT_ERROR.replace('FILE', file));
    assert.match(await fails('get', 'pod', 'unknown'), /Error from server \(NotFound\): pods "unknown" not found/);
  });

  it('--validate=false creates the pod without the unknown fields', async () => {
    const file = await manifest('unknown.yaml', UNKNOWN_FIELDS);
    const r = await k('create', '-f', file, '--validate=false');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^pod\/unknown created$/m);
    assert.equal(r.stderr, '');
    const pod = await yaml('get', 'pod', 'unknown');
    assert.equal(pod.spec.bogusField, undefined);
    assert.equal(pod.spec.containers[0].colour, undefined);
    assert.equal(pod.spec.containers[0].image, 'nginx');
    await ok('delete', 'pod', 'unknown', '--wait=false');
  });

  it('--validate=warn creates the pod and prints one Warning line per unknown field', async () => {
    const file = await manifest('warn.yaml', UNKNOWN_FIELDS.replace('name: unknown', 'name: warned'));
    const r = await k('create', '-f', file, '--validate=warn');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^pod\/warned created$/m);
    assert.deepEqual(r.stderr.trim().split('\n').sort(), ['Warning: unknown field "spec.bogusField"', 'Warning: unknown field "spec.containers[0].colour"']);
    const pod = await yaml('get', 'pod', 'warned');
    assert.equal(pod.spec.bogusField, undefined);
  });

  it('kubectl run stores the pod defaults a real cluster shows', async () => {
    assert.match(await ok('run', 'web', '--image=nginx'), /^pod\/web created$/m);
    const pod = await yaml('get', 'pod', 'web');
    // Picked field by field: admission (the ServiceAccount plugin) adds more to a real pod.
    assert.deepEqual(pick(pod.spec.containers[0], ['image', 'imagePullPolicy', 'name', 'resources', 'terminationMessagePath', 'terminationMessagePolicy']), {
      image: 'nginx',
      imagePullPolicy: 'Always',
      name: 'web',
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
    assert.deepEqual(pick(pod.spec, ['dnsPolicy', 'enableServiceLinks', 'restartPolicy', 'schedulerName', 'securityContext', 'terminationGracePeriodSeconds']), {
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    assert.match(await ok('run', 'pinned', '--image=nginx:1.27'), /created/);
    assert.equal((await yaml('get', 'pod', 'pinned')).spec.containers[0].imagePullPolicy, 'IfNotPresent');
  });

  it('kubectl run gets what the Priority and DefaultTolerationSeconds admission plugins add', async () => {
    const pod = await yaml('get', 'pod', 'web');
    assert.deepEqual(pick(pod.spec, ['priority', 'preemptionPolicy']), { priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    assert.deepEqual(pod.spec.tolerations, [
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
  });

  it('kubectl create deployment stores the Deployment defaults', async () => {
    assert.match(await ok('create', 'deployment', 'api', '--image=nginx:1.27'), /^deployment\.apps\/api created$/m);
    const dep = await yaml('get', 'deploy', 'api');
    assert.deepEqual(dep.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    assert.equal(dep.spec.revisionHistoryLimit, 10);
    assert.equal(dep.spec.progressDeadlineSeconds, 600);
    assert.equal(dep.spec.replicas, 1);
    const template = dep.spec.template.spec;
    assert.equal(template.restartPolicy, 'Always');
    assert.equal(template.dnsPolicy, 'ClusterFirst');
    assert.equal(template.schedulerName, 'default-scheduler');
    assert.equal(template.terminationGracePeriodSeconds, 30);
    assert.deepEqual(template.securityContext, {});
    assert.equal(template.containers[0].imagePullPolicy, 'IfNotPresent');
    assert.equal(template.containers[0].terminationMessagePath, '/dev/termination-log');
  });

  it('an update of an immutable pod field prints the Forbidden message (patch, edit and replace)', async () => {
    const patched = await fails('patch', 'pod', 'web', '-p', '{"spec":{"restartPolicy":"Never"}}');
    assert.ok(patched.startsWith(`The Pod "web" is invalid: ${POD_UPDATE_FORBIDDEN}`), patched);
    // kubectl edit puts the causes into the file it reopens, and keeps a copy (in TMPDIR).
    const edited = await session.run(['edit', 'pod', 'web'], {
      env: { KUBE_EDITOR: 'sed -i s/dnsPolicy:\\ ClusterFirst/dnsPolicy:\\ Default/', EDITOR: '', TMPDIR: session.workDir },
    });
    assert.equal(edited.code, 1, edited.stdout);
    assert.match(edited.stderr, /^error: pods "web" is invalid$/m);
    assert.match(edited.stderr, /^error: Edit cancelled, no valid changes were saved\.$/m);
    const copy = /A copy of your changes has been stored to "([^"]+)"/.exec(edited.stderr);
    assert.ok(copy, edited.stderr);
    const reopened = await readFile(copy[1], 'utf8');
    assert.ok(reopened.includes(`# pods "web" was not valid:\n# * ${POD_UPDATE_FORBIDDEN}\n`), reopened);
    const live = await yaml('get', 'pod', 'web');
    live.spec.dnsPolicy = 'Default';
    const replaced = await fails('replace', '-f', await manifest('web.json', JSON.stringify(live)));
    assert.ok(replaced.startsWith(`The Pod "web" is invalid: ${POD_UPDATE_FORBIDDEN}`), replaced);
    assert.equal((await yaml('get', 'pod', 'web')).spec.dnsPolicy, 'ClusterFirst');
    // An image is one of the fields an update may change.
    assert.match(await ok('set', 'image', 'pod/web', 'web=nginx:1.28'), /image updated/);
  });

  it('a pod without containers is invalid', async () => {
    const file = await manifest('empty.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: empty\nspec:\n  containers: []\n');
    assert.equal((await fails('create', '-f', file)).trim(), 'The Pod "empty" is invalid: spec.containers: Required value');
  });

  it('several causes come back together, one line each', async () => {
    const file = await manifest(
      'causes.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: causes\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: c\n    image: ""\n',
    );
    assert.equal(
      (await fails('create', '-f', file)).trim(),
      [
        'The Pod "causes" is invalid: ',
        '* spec.containers[0].image: Required value',
        '* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ].join('\n'),
    );
    const one = await manifest('restart.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: restart\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: c\n    image: nginx\n');
    assert.equal((await fails('create', '-f', one)).trim(), 'The Pod "restart" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"');
  });
});
