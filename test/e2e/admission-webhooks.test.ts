// Real kubectl against `kubefake start` with real HTTPS admission webhooks started here (their
// own CA passed as caBundle, 127.0.0.1 on random ports): denials, JSONPatch mutations,
// failurePolicy with the webhook down or too slow, selectors, dryRun, Service references, and a
// CEL ValidatingAdmissionPolicy. Each test works in its own labelled namespace, which its
// configurations select, so the tests do not see each other's webhooks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeTempDir, removeDir, startKubefakeProcess, type KubefakeProcess } from '../helpers/kubefake-process.js';
import { kubectl, skipWithoutKubectl, type KubectlResult } from '../helpers/kubectl.js';
import { patchResponse, startWebhookServer, type ReviewHandler, type WebhookServer } from '../unit/admission/webhooks/webhook-server.js';

const skip = skipWithoutKubectl();

type Json = Record<string, unknown>;

const pod = (name: string, namespace: string, labels: Record<string, string> = {}): Json => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
});

interface HookOptions {
  url: string;
  caBundle: string;
  namespace: string;
  failurePolicy?: 'Fail' | 'Ignore';
  timeoutSeconds?: number;
  objectSelector?: Json;
  sideEffects?: string;
}

function webhookConfig(kind: 'Validating' | 'Mutating', name: string, o: HookOptions): Json {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: `${kind}WebhookConfiguration`,
    metadata: { name },
    webhooks: [
      {
        name: `${name}.example.com`,
        clientConfig: { url: o.url, caBundle: o.caBundle },
        rules: [{ operations: ['CREATE', 'UPDATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
        namespaceSelector: { matchLabels: { 'webhook-test': o.namespace } },
        ...(o.objectSelector ? { objectSelector: o.objectSelector } : {}),
        failurePolicy: o.failurePolicy ?? 'Fail',
        sideEffects: o.sideEffects ?? 'None',
        admissionReviewVersions: ['v1'],
        timeoutSeconds: o.timeoutSeconds ?? 10,
      },
    ],
  };
}

/** A port nothing listens on: a server's port after it closed. */
async function closedPort(): Promise<number> {
  const s = await startWebhookServer(() => ({ allowed: true }));
  await s.close();
  return s.port;
}

describe('kubectl with admission webhooks and ValidatingAdmissionPolicy', { skip }, () => {
  let server: KubefakeProcess;
  let cacheDir: string;
  const hooks: WebhookServer[] = [];
  const k = (args: string[], input?: Json): Promise<KubectlResult> => kubectl(server.kubeconfig, cacheDir, args, { input: input && JSON.stringify(input) });
  const ok = async (args: string[], input?: Json): Promise<string> => {
    const r = await k(args, input);
    assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const fails = async (args: string[], input?: Json): Promise<string> => {
    const r = await k(args, input);
    assert.equal(r.code, 1, `kubectl ${args.join(' ')} should fail: ${r.stdout}`);
    return r.stderr.trim();
  };
  const namespace = async (name: string): Promise<void> => {
    await ok(['create', 'namespace', name]);
    await ok(['label', 'namespace', name, `webhook-test=${name}`]);
  };
  const hook = async (handler: ReviewHandler, dnsNames?: string[]): Promise<WebhookServer> => {
    const s = await startWebhookServer(handler, dnsNames);
    hooks.push(s);
    return s;
  };

  before(async () => {
    server = await startKubefakeProcess({ args: ['--storage', 'memory'] });
    cacheDir = await makeTempDir('kubefake-kubectl-cache-');
  });
  after(async () => {
    await Promise.all(hooks.map((h) => h.close()));
    await server.stop();
    await Promise.all([removeDir(server.dataDir), removeDir(cacheDir)]);
  });

  it('a validating webhook denies a pod and kubectl prints its message', async () => {
    await namespace('deny');
    const h = await hook((req) => (req.name === 'bad' ? { allowed: false, status: { code: 403, message: 'pods named bad are not allowed' } } : { allowed: true }));
    await ok(['create', '-f', '-'], webhookConfig('Validating', 'deny', { url: h.url('/validate'), caBundle: h.caBundle, namespace: 'deny' }));
    const stderr = await fails(['create', '-f', '-'], pod('bad', 'deny'));
    assert.equal(stderr, 'Error from server: error when creating "STDIN": admission webhook "deny.example.com" denied the request: pods named bad are not allowed');
    assert.match(await ok(['create', '-f', '-'], pod('good', 'deny')), /^pod\/good created$/m);
    const review = h.reviews.find((r) => r.name === 'good');
    assert.equal(review?.operation, 'CREATE');
    assert.equal(review?.namespace, 'deny');
    assert.deepEqual(review?.kind, { group: '', version: 'v1', kind: 'Pod' });
    assert.equal((review?.object as Json).kind, 'Pod');
    assert.equal((review?.userInfo as { username: string }).username, 'kubefake-admin');
    assert.ok(h.connections < h.reviews.length, `keep-alive: ${h.connections} connections for ${h.reviews.length} reviews`);
    await ok(['delete', 'validatingwebhookconfiguration', 'deny']);
  });

  it('a mutating webhook adds a label and a sidecar with a JSONPatch', async () => {
    await namespace('mutate');
    const h = await hook(() =>
      patchResponse([
        { op: 'add', path: '/metadata/labels/injected', value: 'true' },
        { op: 'add', path: '/spec/containers/-', value: { name: 'sidecar', image: 'busybox' } },
      ]),
    );
    await ok(['create', '-f', '-'], webhookConfig('Mutating', 'mutate', { url: h.url('/mutate'), caBundle: h.caBundle, namespace: 'mutate' }));
    await ok(['create', '-f', '-'], pod('p', 'mutate', { app: 'web' }));
    const stored = JSON.parse(await ok(['get', 'pod', 'p', '-n', 'mutate', '-o', 'json'])) as { metadata: Json; spec: { containers: Json[] } };
    assert.deepEqual(stored.metadata.labels, { app: 'web', injected: 'true' });
    assert.deepEqual(stored.spec.containers.map((c) => c.name), ['app', 'sidecar']);
    assert.equal(stored.spec.containers[1].imagePullPolicy, 'Always', 'the patched-in container is defaulted');
    assert.match(await ok(['get', 'mutatingwebhookconfiguration', 'mutate']), /^mutate\s+1\s+\d+s$/m);
    await ok(['delete', 'mutatingwebhookconfiguration', 'mutate']);
  });

  it('failurePolicy Fail refuses and Ignore admits when the webhook is down', async () => {
    await namespace('down');
    const port = await closedPort();
    const url = `https://127.0.0.1:${port}/validate`;
    await ok(['create', '-f', '-'], webhookConfig('Validating', 'down', { url, caBundle: '', namespace: 'down' }));
    const stderr = await fails(['create', '-f', '-'], pod('a', 'down'));
    assert.equal(
      stderr,
      `Error from server (InternalError): error when creating "STDIN": Internal error occurred: failed calling webhook "down.example.com": failed to call webhook: Post "${url}?timeout=10s": dial tcp 127.0.0.1:${port}: connect: connection refused`,
    );
    await ok(['delete', 'validatingwebhookconfiguration', 'down']);
    await ok(['create', '-f', '-'], webhookConfig('Validating', 'down', { url, caBundle: '', namespace: 'down', failurePolicy: 'Ignore' }));
    assert.match(await ok(['create', '-f', '-'], pod('a', 'down')), /^pod\/a created$/m);
    await ok(['delete', 'validatingwebhookconfiguration', 'down']);
  });

  it('a webhook slower than timeoutSeconds fails the request', async () => {
    await namespace('slow');
    const h = await hook(async () => {
      await new Promise((r) => setTimeout(r, 2500));
      return { allowed: true };
    });
    await ok(['create', '-f', '-'], webhookConfig('Validating', 'slow', { url: h.url('/slow'), caBundle: h.caBundle, namespace: 'slow', timeoutSeconds: 1 }));
    const started = Date.now();
    const stderr = await fails(['create', '-f', '-'], pod('a', 'slow'));
    assert.ok(Date.now() - started < 2400, 'the request did not wait for the slow webhook');
    assert.equal(
      stderr,
      `Error from server (InternalError): error when creating "STDIN": Internal error occurred: failed calling webhook "slow.example.com": failed to call webhook: Post "${h.url('/slow')}?timeout=1s": context deadline exceeded`,
    );
    await ok(['delete', 'validatingwebhookconfiguration', 'slow']);
  });

  it('namespaceSelector and objectSelector choose what the webhook sees', async () => {
    await namespace('selected');
    await ok(['create', 'namespace', 'unselected']);
    const h = await hook(() => ({ allowed: false, status: { code: 403, reason: 'Forbidden', message: 'no' } }));
    const config = webhookConfig('Validating', 'select', {
      url: h.url('/v'),
      caBundle: h.caBundle,
      namespace: 'selected',
      objectSelector: { matchExpressions: [{ key: 'skip', operator: 'DoesNotExist' }] },
    });
    await ok(['create', '-f', '-'], config);
    assert.match(await fails(['create', '-f', '-'], pod('a', 'selected')), /^Error from server \(Forbidden\): .*admission webhook "select.example.com" denied the request: no$/);
    await ok(['create', '-f', '-'], pod('a', 'unselected'));
    await ok(['create', '-f', '-'], pod('b', 'selected', { skip: 'yes' }));
    assert.deepEqual(h.reviews.map((r) => `${r.namespace}/${r.name}`), ['selected/a']);
    await ok(['delete', 'validatingwebhookconfiguration', 'select']);
  });

  it('dryRun requests reach webhooks marked as such and store nothing', async () => {
    await namespace('dry');
    const h = await hook(() => patchResponse([{ op: 'add', path: '/metadata/annotations', value: { seen: 'yes' } }]));
    await ok(['create', '-f', '-'], webhookConfig('Mutating', 'dry', { url: h.url('/m'), caBundle: h.caBundle, namespace: 'dry', sideEffects: 'NoneOnDryRun' }));
    const out = JSON.parse(await ok(['create', '--dry-run=server', '-o', 'json', '-f', '-'], pod('a', 'dry'))) as { metadata: Json };
    assert.deepEqual(out.metadata.annotations, { seen: 'yes' });
    assert.equal(h.reviews[0]?.dryRun, true);
    assert.deepEqual((h.reviews[0]?.options as Json).dryRun, ['All']);
    assert.match(await fails(['get', 'pod', 'a', '-n', 'dry']), /NotFound/);
    await ok(['delete', 'mutatingwebhookconfiguration', 'dry']);
  });

  it('clientConfig.service reaches the webhook through the Service Endpoints, verifying <svc>.<ns>.svc', async () => {
    await namespace('svc');
    const h = await hook((req) => (req.name === 'bad' ? { allowed: false, status: { message: 'via service' } } : { allowed: true }), ['hook.svc.svc']);
    await ok(['create', '-f', '-'], { apiVersion: 'v1', kind: 'Service', metadata: { name: 'hook', namespace: 'svc' }, spec: { ports: [{ port: 443, targetPort: h.port }] } });
    await ok(['create', '-f', '-'], {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'hook', namespace: 'svc' },
      subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: h.port }] }],
    });
    const config = webhookConfig('Validating', 'svc', { url: '', caBundle: h.caBundle, namespace: 'svc' });
    ((config.webhooks as Json[])[0] as { clientConfig: Json }).clientConfig = { service: { namespace: 'svc', name: 'hook', path: '/v' }, caBundle: h.caBundle };
    await ok(['create', '-f', '-'], config);
    assert.match(await fails(['create', '-f', '-'], pod('bad', 'svc')), /admission webhook "svc.example.com" denied the request: via service$/);
    await ok(['delete', 'validatingwebhookconfiguration', 'svc']);
  });

  it('a ValidatingAdmissionPolicy denies a deployment with too many replicas', async () => {
    await namespace('cel');
    await ok(['create', '-f', '-'], {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: 'max-replicas' },
      spec: {
        matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments'] }] },
        validations: [{ expression: 'object.spec.replicas <= 5', messageExpression: "'replicas must be at most 5, got ' + string(object.spec.replicas)" }],
      },
    });
    await ok(['create', '-f', '-'], {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: 'max-replicas-binding' },
      spec: { policyName: 'max-replicas', validationActions: ['Deny'], matchResources: { namespaceSelector: { matchLabels: { 'webhook-test': 'cel' } } } },
    });
    const stderr = await fails(['create', 'deployment', 'big', '-n', 'cel', '--image=nginx', '--replicas=10']);
    assert.equal(
      stderr,
      `error: failed to create deployment: deployments.apps "big" is forbidden: ValidatingAdmissionPolicy 'max-replicas' with binding 'max-replicas-binding' denied request: replicas must be at most 5, got 10`,
    );
    assert.match(await ok(['create', 'deployment', 'small', '-n', 'cel', '--image=nginx', '--replicas=2']), /deployment.apps\/small created/);
    assert.match(await ok(['get', 'validatingadmissionpolicy']), /^max-replicas\s+1\s+<unset>\s+\d+s$/m);
    assert.match(await ok(['get', 'validatingadmissionpolicybinding']), /^max-replicas-binding\s+max-replicas\s+<unset>\s+\d+s$/m);
  });
});
