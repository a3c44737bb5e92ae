import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validatePod, validatePodUpdate, POD_UPDATE_FORBIDDEN } from '../../../../src/validation/kinds/pod.js';
import { defaulted, render, set } from './helpers.js';

const VALID = {
  spec: {
    containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }], volumeMounts: [{ name: 'data', mountPath: '/data' }], resources: { limits: { cpu: '1' }, requests: { cpu: '500m' } } }],
    initContainers: [{ name: 'init', image: 'busybox' }],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
};
const pod = (body: Record<string, unknown> = VALID) => defaulted('', 'Pod', body);

describe('validatePod', () => {
  it('a valid pod has no errors', () => {
    assert.deepEqual(render(validatePod(pod())), []);
    assert.deepEqual(render(validatePod(pod({ spec: { containers: [{ name: 'a', image: 'b', livenessProbe: { httpGet: { port: 'http' } } }] } }))), []);
  });

  const cases: [string, Record<string, unknown>, string[]][] = [
    ['no containers', { spec: { containers: [] } }, ['spec.containers: Required value']],
    ['image required', set(VALID, 'spec.containers.0.image', undefined), ['spec.containers[0].image: Required value']],
    ['name required', { spec: { containers: [{ image: 'x' }] } }, ['spec.containers[0].name: Required value']],
    [
      'bad container name',
      { spec: { containers: [{ name: 'Web', image: 'x' }] } },
      [`spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`],
    ],
    ['duplicate container names', { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] } }, ['spec.containers[1].name: Duplicate value: "a"']],
    ['init container named like a container', { spec: { containers: [{ name: 'a', image: 'x' }], initContainers: [{ name: 'a', image: 'y' }] } }, ['spec.initContainers[0].name: Duplicate value: "a"']],
    ['port out of range', { spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }] }] } }, ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['port missing', { spec: { containers: [{ name: 'a', image: 'x', ports: [{ name: 'http' }] }] } }, ['spec.containers[0].ports[0].containerPort: Required value']],
    [
      'duplicate port names',
      { spec: { containers: [{ name: 'a', image: 'x', ports: [{ name: 'p', containerPort: 1 }, { name: 'p', containerPort: 2 }] }] } },
      ['spec.containers[0].ports[1].name: Duplicate value: "p"'],
    ],
    ['bad protocol', { spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, protocol: 'HTTP' }] }] } }, ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['bad restartPolicy', set(VALID, 'spec.restartPolicy', 'Sometimes'), ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ['bad dnsPolicy', set(VALID, 'spec.dnsPolicy', 'Cluster'), ['spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"']],
    ['bad imagePullPolicy', { spec: { containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Sometimes' }] } }, ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']],
    [
      'request above limit',
      { spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '500m' }, requests: { cpu: '1' } } }] } },
      ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    ],
    ['unknown resource', { spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { gpu: '1' } } }] } }, [
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
    ]],
    ['mount of a missing volume', { spec: { containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'nope', mountPath: '/x' }] }] } }, ['spec.containers[0].volumeMounts[0].name: Not found: "nope"']],
    ['duplicate volumes', { spec: { containers: [{ name: 'a', image: 'x' }], volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] } }, ['spec.volumes[1].name: Duplicate value: "v"']],
    ['two volume sources', { spec: { containers: [{ name: 'a', image: 'x' }], volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/x' } }] } }, ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type']],
    ['secret volume without a name', { spec: { containers: [{ name: 'a', image: 'x' }], volumes: [{ name: 'v', secret: {} }] } }, ['spec.volumes[0].secret.secretName: Required value']],
    ['liveness successThreshold', { spec: { containers: [{ name: 'a', image: 'x', livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }] } }, ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
    ['probe without a handler', { spec: { containers: [{ name: 'a', image: 'x', readinessProbe: { periodSeconds: 5 } }] } }, ['spec.containers[0].readinessProbe: Required value: must specify a handler type']],
    ['probes on an init container', { spec: { containers: [{ name: 'a', image: 'x' }], initContainers: [{ name: 'i', image: 'x', readinessProbe: { exec: { command: ['true'] } } }] } }, ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers']],
    ['ephemeral containers on create', { spec: { containers: [{ name: 'a', image: 'x' }], ephemeralContainers: [{ name: 'e', image: 'x' }] } }, ['spec.ephemeralContainers: Forbidden: cannot be set on create']],
    ['activeDeadlineSeconds 0', set(VALID, 'spec.activeDeadlineSeconds', 0), ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.deepEqual(render(validatePod(pod(body))), expected));
  }

  it('reports all errors together', () => {
    const errs = render(validatePod(pod({ spec: { containers: [{ name: 'a' }, { name: 'a', image: 'x', ports: [{ containerPort: 0 }] }] } })));
    assert.deepEqual(errs, ['spec.containers[0].image: Required value', 'spec.containers[1].ports[0].containerPort: Required value', 'spec.containers[1].name: Duplicate value: "a"']);
  });
});

describe('validatePodUpdate', () => {
  const old = pod();
  it('images, a lower activeDeadlineSeconds and added tolerations may change', () => {
    const next = structuredClone(old);
    (next.spec as { containers: { image: string }[] }).containers[0].image = 'nginx:1.28';
    (next.spec as Record<string, unknown>).tolerations = [{ key: 'k', operator: 'Exists' }];
    assert.deepEqual(render(validatePodUpdate(next, old)), []);
  });

  it('any other spec change is Forbidden with the apiserver message', () => {
    const next = structuredClone(old);
    (next.spec as Record<string, unknown>).restartPolicy = 'Never';
    const errs = validatePodUpdate(next, old);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].field, 'spec');
    assert.equal(errs[0].type, 'FieldValueForbidden');
    assert.ok(errs[0].detail?.startsWith(`${POD_UPDATE_FORBIDDEN}\n`));
    assert.match(errs[0].detail ?? '', /restartPolicy/);
  });

  it('containers may not be added or removed', () => {
    const next = structuredClone(old);
    (next.spec as { containers: unknown[] }).containers.push({ name: 'b', image: 'x', imagePullPolicy: 'Always', terminationMessagePolicy: 'File', resources: {} });
    assert.deepEqual(render(validatePodUpdate(next, old)), ['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });

  it('activeDeadlineSeconds may not grow nor go away', () => {
    const withDeadline = pod(set(VALID, 'spec.activeDeadlineSeconds', 30));
    assert.deepEqual(render(validatePodUpdate(pod(set(VALID, 'spec.activeDeadlineSeconds', 60)), withDeadline)), ['spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value']);
    assert.deepEqual(render(validatePodUpdate(pod(), withDeadline)), ['spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value']);
  });
});
