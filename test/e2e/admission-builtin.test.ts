// Real kubectl against `kubefake start`: what the built-in admission plugins do to and for a pod
// (ServiceAccount token volume, default tolerations, priority, LimitRange defaults), ResourceQuota
// refusing a pod over `pods: 1` with `kubectl describe quota` showing used/hard, and PodSecurity
// refusing a privileged pod under enforce=restricted and printing kubectl's Warning under warn.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { makeTempDir, removeDir, startKubefakeProcess, type KubefakeProcess } from '../helpers/kubefake-process.js';
import { kubectl, skipWithoutKubectl, type KubectlResult } from '../helpers/kubectl.js';

const skip = skipWithoutKubectl();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const RESTRICTED_PRIVILEGED =
  'Error from server (Forbidden): pods "priv" is forbidden: violates PodSecurity "restricted:latest": privileged (container "priv" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container "priv" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "priv" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "priv" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "priv" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

describe('kubectl: built-in admission plugins', { skip }, () => {
  let server: KubefakeProcess;
  let cacheDir: string;
  const k = (args: string[], input?: string): Promise<KubectlResult> => kubectl(server.kubeconfig, cacheDir, args, { input });
  const ok = async (...args: string[]): Promise<string> => {
    const r = await k(args);
    assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const yaml = async (...args: string[]): Promise<Record<string, any>> => parse(await ok(...args, '-o', 'yaml')) as Record<string, any>;

  before(async () => {
    server = await startKubefakeProcess({ args: ['--storage', 'memory'] });
    cacheDir = await makeTempDir('kubefake-kubectl-cache-');
  });
  after(async () => {
    await server.stop();
    await Promise.all([removeDir(server.dataDir), removeDir(cacheDir)]);
  });

  it('kubectl run right after start: the token volume and mounts, default tolerations and priority', async () => {
    assert.match(await ok('run', 'web', '--image=nginx'), /^pod\/web created$/m);
    const pod = await yaml('get', 'pod', 'web');
    assert.equal(pod.spec.serviceAccountName, 'default');
    assert.equal(pod.spec.serviceAccount, 'default');
    const [volume] = pod.spec.volumes;
    assert.match(volume.name, /^kube-api-access-[a-z0-9]{5}$/);
    assert.deepEqual(volume.projected, {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    });
    assert.deepEqual(pod.spec.containers[0].volumeMounts, [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volume.name, readOnly: true }]);
    assert.deepEqual(pod.spec.tolerations, [
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
    assert.equal(pod.spec.priority, 0);
    assert.equal(pod.spec.preemptionPolicy, 'PreemptLowerPriority');
    const ca = await yaml('get', 'configmap', 'kube-root-ca.crt');
    assert.match(ca.data['ca.crt'], /^-----BEGIN CERTIFICATE-----/);
    assert.match(await ok('get', 'serviceaccount', 'default'), /^default\s+0\s+/m);
  });

  it('a pod naming a missing ServiceAccount is refused', async () => {
    const r = await k(['run', 'ghostly', '--image=nginx', '--overrides={"spec":{"serviceAccountName":"ghost"}}']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), 'Error from server (Forbidden): pods "ghostly" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found');
  });

  it('a second pod over a pods: 1 quota is refused, and describe quota shows used/hard', async () => {
    await ok('create', 'namespace', 'quota');
    await ok('create', 'quota', 'q', '--hard=pods=1', '-n', 'quota');
    for (let i = 0; !(await yaml('get', 'quota', 'q', '-n', 'quota')).status?.used && i < 50; i++) await sleep(50);
    await ok('run', 'first', '--image=nginx', '-n', 'quota');
    const second = await k(['run', 'second', '--image=nginx', '-n', 'quota']);
    assert.equal(second.code, 1);
    assert.equal(second.stderr.trim(), 'Error from server (Forbidden): pods "second" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1');
    const described = await ok('describe', 'quota', 'q', '-n', 'quota');
    assert.match(described, /^Resource\s+Used\s+Hard$/m);
    assert.match(described, /^pods\s+1\s+1$/m);
  });

  it('enforce=restricted refuses a privileged pod with the real message', async () => {
    await ok('create', 'namespace', 'locked');
    await ok('label', 'namespace', 'locked', 'pod-security.kubernetes.io/enforce=restricted');
    const r = await k(['run', 'priv', '--image=nginx', '--privileged', '-n', 'locked']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), RESTRICTED_PRIVILEGED);
  });

  it('warn=baseline creates the pod and kubectl prints the Warning', async () => {
    await ok('create', 'namespace', 'watched');
    await ok('label', 'namespace', 'watched', 'pod-security.kubernetes.io/warn=baseline');
    const r = await k(['run', 'loud', '--image=nginx', '--privileged', '-n', 'watched']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.trim(), 'Warning: would violate PodSecurity "baseline:latest": privileged (container "loud" must not set securityContext.privileged=true)');
    assert.match(r.stdout, /^pod\/loud created$/m);
  });

  it('LimitRange defaults appear on a new pod, with the limit-ranger annotation', async () => {
    await ok('create', 'namespace', 'limited');
    const lr = ['apiVersion: v1', 'kind: LimitRange', 'metadata:', '  name: defaults', 'spec:', '  limits:', '  - type: Container', '    default: {cpu: 500m, memory: 256Mi}', '    defaultRequest: {cpu: 100m, memory: 128Mi}', ''].join('\n');
    const applied = await k(['apply', '-n', 'limited', '-f', '-'], lr);
    assert.equal(applied.code, 0, applied.stderr);
    await ok('run', 'sized', '--image=nginx', '-n', 'limited');
    const pod = await yaml('get', 'pod', 'sized', '-n', 'limited');
    assert.deepEqual(pod.spec.containers[0].resources, { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
    assert.equal(pod.metadata.annotations['kubernetes.io/limit-ranger'], 'LimitRanger plugin set: cpu, memory request for container sized; cpu, memory limit for container sized');
  });
});
