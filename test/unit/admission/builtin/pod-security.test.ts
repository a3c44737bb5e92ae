// PodSecurity: the checks' messages, their order, versions and overrides; namespace labels; the
// plugin's enforce, warn and workload-template warnings.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ObjectMeta } from '../../../../src/api/types.js';
import { evaluatePod, forbiddenDetail, type LevelVersion } from '../../../../src/admission/plugins/pod-security-evaluator.js';
import type { PodSpec } from '../../../../src/admission/plugins/pod-security-helpers.js';
import { policyFromLabels } from '../../../../src/admission/plugins/pod-security-policy.js';
import { podSecurity } from '../../../../src/admission/plugins/pod-security.js';
import { attrs, harness, pod, type Harness } from './harness.js';

const LATEST_RESTRICTED: LevelVersion = { level: 'restricted', minor: 'latest' };
const LATEST_BASELINE: LevelVersion = { level: 'baseline', minor: 'latest' };
const detail = (lv: LevelVersion, spec: PodSpec, meta: ObjectMeta = {}): string => forbiddenDetail(evaluatePod(lv, meta, spec));
const RESTRICTED_OK = { allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, capabilities: { drop: ['ALL'] } };

describe('Pod Security Standards checks', () => {
  it('a plain container fails restricted with the four restricted reasons, in ID order', () => {
    assert.equal(
      detail(LATEST_RESTRICTED, { containers: [{ name: 'x' }] }),
      'allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "x" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "x" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "x" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    assert.equal(detail(LATEST_RESTRICTED, { containers: [{ name: 'x', securityContext: RESTRICTED_OK }] }), '');
  });

  it('baseline: host namespaces, privileged, capabilities, hostPath, hostPort, procMount, sysctls', () => {
    const spec: PodSpec = {
      hostNetwork: true,
      hostPID: true,
      securityContext: { sysctls: [{ name: 'kernel.msgmax' }, { name: 'net.ipv4.tcp_keepalive_time' }] },
      volumes: [{ name: 'root', hostPath: { path: '/' } }],
      containers: [
        { name: 'a', securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'CHOWN'] }, procMount: 'Unmasked' }, ports: [{ hostPort: 80 }] },
        { name: 'b', ports: [{ hostPort: 443 }] },
      ],
    };
    assert.equal(
      detail(LATEST_BASELINE, spec),
      'non-default capabilities (container "a" must not include "NET_ADMIN" in securityContext.capabilities.add), host namespaces (hostNetwork, hostPID), hostPath volumes (volume "root"), hostPort (containers "a", "b" use hostPorts 443, 80), privileged (container "a" must not set securityContext.privileged=true), procMount (container "a" must not set securityContext.procMount to "Unmasked"), forbidden sysctls (kernel.msgmax)',
    );
    // tcp_keepalive_time is allowed from 1.29 only.
    assert.match(detail({ level: 'baseline', minor: 28 }, spec), /forbidden sysctls \(kernel\.msgmax, net\.ipv4\.tcp_keepalive_time\)/);
  });

  it('baseline: AppArmor, SELinux, seccomp and Windows host processes', () => {
    const spec: PodSpec = {
      securityContext: { seccompProfile: { type: 'Unconfined' }, seLinuxOptions: { type: 'spc_t', user: 'root' } },
      containers: [{ name: 'a', securityContext: { appArmorProfile: { type: 'Unconfined' }, windowsOptions: { hostProcess: true } } }],
    };
    assert.equal(
      detail(LATEST_BASELINE, spec),
      'forbidden AppArmor profile (container "a" must not set AppArmor profile type to "Unconfined"), seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set), seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined"), hostProcess (container "a" must not set securityContext.windowsOptions.hostProcess=true)',
    );
  });

  it('restricted overrides hostPath with volume types, and runAsUser=0 is refused from 1.23', () => {
    const spec: PodSpec = { securityContext: { runAsUser: 0 }, volumes: [{ name: 'h', hostPath: {} }, { name: 'n', nfs: {} }, { name: 'ok', emptyDir: {} }], containers: [{ name: 'x', securityContext: RESTRICTED_OK }] };
    assert.equal(detail(LATEST_RESTRICTED, spec), 'restricted volume types (volumes "h", "n" use restricted volume types "hostPath", "nfs"), runAsUser=0 (pod must not set runAsUser=0)');
    assert.equal(detail({ level: 'restricted', minor: 22 }, spec), 'restricted volume types (volumes "h", "n" use restricted volume types "hostPath", "nfs")');
  });

  it('privileged allows everything', () => {
    assert.deepEqual(evaluatePod({ level: 'privileged', minor: 'latest' }, {}, { hostNetwork: true, containers: [{ name: 'x', securityContext: { privileged: true } }] }), []);
  });
});

describe('namespace labels', () => {
  it('reads level and version per mode; warn follows a stricter enforce', () => {
    const { policy, errors } = policyFromLabels({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.25' });
    assert.deepEqual(errors, []);
    assert.deepEqual(policy, { enforce: { level: 'restricted', minor: 25 }, audit: { level: 'privileged', minor: 'latest' }, warn: { level: 'restricted', minor: 25 } });
  });

  it('fails closed on a value that does not parse', () => {
    const { policy, errors } = policyFromLabels({ 'pod-security.kubernetes.io/enforce': 'bogus' });
    assert.equal(policy.enforce.level, 'restricted');
    assert.deepEqual(errors.map((e) => [e.field, e.detail]), [['metadata.labels[pod-security.kubernetes.io/enforce]', 'must be one of privileged, baseline, restricted']]);
  });
});

describe('PodSecurity plugin', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
    await h.seed('', 'namespaces', '', { metadata: { name: 'strict', labels: { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' } } });
  });
  after(() => h.close());

  it('refuses what violates enforce, with kube\'s message', () => {
    const p = pod('priv', { containers: [{ name: 'x', image: 'x', securityContext: { privileged: true } }] });
    assert.throws(() => h.plugin(podSecurity).validate!(attrs({ resource: 'pods', namespace: 'strict', object: p })), {
      message: 'pods "priv" is forbidden: violates PodSecurity "baseline:latest": privileged (container "x" must not set securityContext.privileged=true)',
    });
  });

  it('warns about what violates warn, for pods and for workload templates', () => {
    const a = attrs({ resource: 'pods', namespace: 'strict', object: pod('plain', { containers: [{ name: 'x', image: 'x', securityContext: { ...RESTRICTED_OK, runAsNonRoot: undefined } }] }) });
    h.plugin(podSecurity).validate!(a);
    assert.deepEqual(a.warnings, ['would violate PodSecurity "restricted:latest": runAsNonRoot != true (pod or container "x" must set securityContext.runAsNonRoot=true)']);
    const deploy = { metadata: { name: 'd' }, spec: { template: { metadata: {}, spec: { containers: [{ name: 'x', image: 'x', securityContext: { privileged: true } }] } } } };
    const d = attrs({ resource: 'deployments', group: 'apps', namespace: 'strict', object: deploy });
    h.plugin(podSecurity).validate!(d);
    assert.equal(d.warnings.length, 1);
    assert.match(d.warnings[0], /^would violate PodSecurity "restricted:latest": privileged \(container "x" must not set securityContext\.privileged=true\), allowPrivilegeEscalation != false/);
  });

  it('refuses a namespace with an invalid label', () => {
    const ns = { metadata: { name: 'bad', labels: { 'pod-security.kubernetes.io/warn-version': 'v2' } } };
    assert.throws(() => h.plugin(podSecurity).validate!(attrs({ resource: 'namespaces', namespace: '', object: ns })), {
      message: 'Namespace "bad" is invalid: metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "v2": must be "latest" or "v1.x"',
    });
  });
});
