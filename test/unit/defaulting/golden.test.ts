// Golden defaulting: a minimal manifest in, the object a v1.32 apiserver stores out (before the
// registry's own fields: uid, timestamps, status). Expectations written from
// pkg/apis/*/v1/defaults.go and the `+default` markers of k8s.io/api.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/api/types.js';
import { applyDefaults } from '../../../src/defaulting/apply-defaults.js';

const CONTAINER_DEFAULTS = { resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };
const POD_SPEC_DEFAULTS = { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', securityContext: {} };
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', ...extra });

function template(labels: Record<string, string>, image = 'nginx:1.27'): Record<string, unknown> {
  return { metadata: { labels }, spec: { containers: [{ name: 'web', image }] } };
}
function defaultedTemplate(labels: Record<string, string>, image = 'nginx:1.27', pullPolicy = 'IfNotPresent'): Record<string, unknown> {
  return {
    metadata: { labels, creationTimestamp: null },
    spec: { containers: [{ name: 'web', image, imagePullPolicy: pullPolicy, ...CONTAINER_DEFAULTS }], ...POD_SPEC_DEFAULTS },
  };
}

interface Golden {
  name: string;
  group: string;
  version?: string;
  kind: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}

const goldens: Golden[] = [
  {
    name: 'Pod from kubectl run (nulls already dropped)',
    group: '',
    kind: 'Pod',
    input: { metadata: meta('nginx', { labels: { run: 'nginx' } }), spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' }, status: {} },
    output: {
      metadata: meta('nginx', { labels: { run: 'nginx' } }),
      spec: { containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', ...CONTAINER_DEFAULTS }], ...POD_SPEC_DEFAULTS, enableServiceLinks: true },
      status: {},
    },
  },
  {
    name: 'Pod: ports, probes, env fieldRef, volumes, requests from limits, host network ports',
    group: '',
    kind: 'Pod',
    input: {
      metadata: meta('full'),
      spec: {
        hostNetwork: true,
        initContainers: [{ name: 'init', image: 'busybox@sha256:' + 'a'.repeat(64) }],
        containers: [
          {
            name: 'app',
            image: 'registry.example.com:5000/team/app:latest',
            ports: [{ containerPort: 8080 }],
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
            livenessProbe: { httpGet: { port: 8080 } },
            readinessProbe: { grpc: { port: 9090 }, periodSeconds: 5 },
            lifecycle: { preStop: { httpGet: { port: 8080, path: '/stop' } } },
          },
        ],
        volumes: [
          { name: 'scratch' },
          { name: 'cfg', configMap: { name: 'cfg' } },
          { name: 'sec', secret: { secretName: 's', defaultMode: 0o400 } },
          { name: 'host', hostPath: { path: '/var/log' } },
          { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } }] } },
          { name: 'eph', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } },
        ],
      },
    },
    output: {
      metadata: meta('full'),
      spec: {
        hostNetwork: true,
        initContainers: [{ name: 'init', image: 'busybox@sha256:' + 'a'.repeat(64), imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS }],
        containers: [
          {
            name: 'app',
            image: 'registry.example.com:5000/team/app:latest',
            imagePullPolicy: 'Always',
            ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }],
            env: [{ name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
            resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } },
            livenessProbe: { httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
            readinessProbe: { grpc: { port: 9090, service: '' }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
            lifecycle: { preStop: { httpGet: { port: 8080, path: '/stop', scheme: 'HTTP' } } },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        volumes: [
          { name: 'scratch', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
          { name: 'sec', secret: { secretName: 's', defaultMode: 256 } },
          { name: 'host', hostPath: { path: '/var/log', type: '' } },
          {
            name: 'token',
            projected: {
              defaultMode: 420,
              sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }, { downwardAPI: { items: [{ path: 'n', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } }] } }],
            },
          },
          { name: 'eph', ephemeral: { volumeClaimTemplate: { metadata: { creationTimestamp: null }, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' } } } },
        ],
        ...POD_SPEC_DEFAULTS,
        enableServiceLinks: true,
      },
    },
  },
  {
    name: 'Deployment from kubectl create deployment',
    group: 'apps',
    kind: 'Deployment',
    input: { metadata: meta('web', { labels: { app: 'web' } }), spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }, 'nginx'), strategy: {} }, status: {} },
    output: {
      metadata: meta('web', { labels: { app: 'web' } }),
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: defaultedTemplate({ app: 'web' }, 'nginx', 'Always'),
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
      status: {},
    },
  },
  {
    name: 'Deployment with Recreate keeps no rollingUpdate',
    group: 'apps',
    kind: 'Deployment',
    input: { metadata: meta('web'), spec: { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }), strategy: { type: 'Recreate' } } },
    output: {
      metadata: meta('web'),
      spec: { replicas: 1, selector: { matchLabels: { a: 'b' } }, template: defaultedTemplate({ a: 'b' }), strategy: { type: 'Recreate' }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
    },
  },
  {
    name: 'ReplicaSet',
    group: 'apps',
    kind: 'ReplicaSet',
    input: { metadata: meta('rs'), spec: { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }) } },
    output: { metadata: meta('rs'), spec: { replicas: 1, selector: { matchLabels: { a: 'b' } }, template: defaultedTemplate({ a: 'b' }) } },
  },
  {
    name: 'StatefulSet with a claim template',
    group: 'apps',
    kind: 'StatefulSet',
    input: {
      metadata: meta('db'),
      spec: { serviceName: 'db', selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] },
    },
    output: {
      metadata: meta('db'),
      spec: {
        serviceName: 'db',
        replicas: 1,
        selector: { matchLabels: { a: 'b' } },
        template: defaultedTemplate({ a: 'b' }),
        podManagementPolicy: 'OrderedReady',
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        revisionHistoryLimit: 10,
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        volumeClaimTemplates: [{ metadata: { name: 'data', creationTimestamp: null }, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
      },
    },
  },
  {
    name: 'DaemonSet',
    group: 'apps',
    kind: 'DaemonSet',
    input: { metadata: meta('ds'), spec: { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }) } },
    output: {
      metadata: meta('ds'),
      spec: { selector: { matchLabels: { a: 'b' } }, template: defaultedTemplate({ a: 'b' }), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 },
    },
  },
  {
    name: 'Job: labels from the template, completions and parallelism 1',
    group: 'batch',
    kind: 'Job',
    input: { metadata: meta('pi'), spec: { template: { metadata: { labels: { app: 'pi' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], restartPolicy: 'Never' } } } },
    output: {
      metadata: meta('pi', { labels: { app: 'pi' } }),
      spec: {
        completions: 1,
        parallelism: 1,
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        suspend: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        template: { metadata: { labels: { app: 'pi' }, creationTimestamp: null }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS }], ...POD_SPEC_DEFAULTS, restartPolicy: 'Never' } },
      },
    },
  },
  {
    name: 'Job with a pod failure policy and only completions',
    group: 'batch',
    kind: 'Job',
    input: { metadata: meta('j'), spec: { completions: 5, backoffLimitPerIndex: 1, completionMode: 'Indexed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] }, template: { spec: { containers: [] } } } },
    output: {
      metadata: meta('j'),
      spec: {
        completions: 5,
        parallelism: 1,
        backoffLimitPerIndex: 1,
        backoffLimit: 2147483647,
        completionMode: 'Indexed',
        suspend: false,
        podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
        podReplacementPolicy: 'Failed',
        template: { metadata: { creationTimestamp: null }, spec: { containers: [], ...POD_SPEC_DEFAULTS } },
      },
    },
  },
  {
    name: 'CronJob: the job template gets pod defaults only',
    group: 'batch',
    kind: 'CronJob',
    input: { metadata: meta('cj'), spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], restartPolicy: 'OnFailure' } } } } } },
    output: {
      metadata: meta('cj'),
      spec: {
        schedule: '*/1 * * * *',
        concurrencyPolicy: 'Allow',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          metadata: { creationTimestamp: null },
          spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS }], ...POD_SPEC_DEFAULTS, restartPolicy: 'OnFailure' } } },
        },
      },
    },
  },
  {
    name: 'ReplicationController: selector and labels from the template',
    group: '',
    kind: 'ReplicationController',
    input: { metadata: meta('rc'), spec: { template: template({ app: 'rc' }) } },
    output: { metadata: meta('rc', { labels: { app: 'rc' } }), spec: { replicas: 1, selector: { app: 'rc' }, template: defaultedTemplate({ app: 'rc' }) } },
  },
  {
    name: 'PodTemplate',
    group: '',
    kind: 'PodTemplate',
    input: { metadata: meta('pt'), template: template({ a: 'b' }) },
    output: { metadata: meta('pt'), template: defaultedTemplate({ a: 'b' }) },
  },
  {
    name: 'Service from kubectl create service clusterip',
    group: '',
    kind: 'Service',
    input: { metadata: meta('web'), spec: { ports: [{ name: '80-8080', port: 80, targetPort: 8080 }], selector: { app: 'web' }, type: 'ClusterIP' } },
    output: {
      metadata: meta('web'),
      spec: {
        ports: [{ name: '80-8080', port: 80, targetPort: 8080, protocol: 'TCP' }],
        selector: { app: 'web' },
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
    },
  },
  {
    name: 'Service of type LoadBalancer with ClientIP affinity',
    group: '',
    kind: 'Service',
    input: { metadata: meta('lb'), spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 443, protocol: 'UDP' }] } },
    output: {
      metadata: meta('lb'),
      spec: {
        type: 'LoadBalancer',
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        ports: [{ port: 443, protocol: 'UDP', targetPort: 443 }],
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        allocateLoadBalancerNodePorts: true,
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
    },
  },
  {
    name: 'ExternalName Service gets no traffic policies nor IP families',
    group: '',
    kind: 'Service',
    input: { metadata: meta('ext'), spec: { type: 'ExternalName', externalName: 'example.com', sessionAffinityConfig: { clientIP: {} } } },
    output: { metadata: meta('ext'), spec: { type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' } },
  },
  {
    name: 'Secret without a type is Opaque',
    group: '',
    kind: 'Secret',
    input: { metadata: meta('s'), data: { a: 'eA==' } },
    output: { metadata: meta('s'), data: { a: 'eA==' }, type: 'Opaque' },
  },
  {
    name: 'Namespace carries its name label',
    group: '',
    kind: 'Namespace',
    input: { metadata: { name: 'team', labels: { 'kubernetes.io/metadata.name': 'other', env: 'dev' } } },
    output: { metadata: { name: 'team', labels: { 'kubernetes.io/metadata.name': 'team', env: 'dev' } } },
  },
  {
    name: 'PersistentVolumeClaim',
    group: '',
    kind: 'PersistentVolumeClaim',
    input: { metadata: meta('c'), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    output: { metadata: meta('c'), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' }, status: { phase: 'Pending' } },
  },
  {
    name: 'PersistentVolume',
    group: '',
    kind: 'PersistentVolume',
    input: { metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, hostPath: { path: '/data' } } },
    output: { metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, hostPath: { path: '/data' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' }, status: { phase: 'Pending' } },
  },
  {
    name: 'LimitRange container item',
    group: '',
    kind: 'LimitRange',
    input: { metadata: meta('lr'), spec: { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' } }, { type: 'Pod', max: { cpu: '4' } }] } },
    output: {
      metadata: meta('lr'),
      spec: { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { cpu: '2' }, defaultRequest: { cpu: '2', memory: '64Mi' } }, { type: 'Pod', max: { cpu: '4' } }] },
    },
  },
  {
    name: 'NetworkPolicy with egress rules',
    group: 'networking.k8s.io',
    kind: 'NetworkPolicy',
    input: { metadata: meta('np'), spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } },
    output: { metadata: meta('np'), spec: { podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }], policyTypes: ['Ingress', 'Egress'] } },
  },
  {
    name: 'PriorityClass',
    group: 'scheduling.k8s.io',
    kind: 'PriorityClass',
    input: { metadata: { name: 'high' }, value: 1000 },
    output: { metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'PreemptLowerPriority' },
  },
  {
    name: 'StorageClass',
    group: 'storage.k8s.io',
    kind: 'StorageClass',
    input: { metadata: { name: 'fast' }, provisioner: 'example.com/fast' },
    output: { metadata: { name: 'fast' }, provisioner: 'example.com/fast', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' },
  },
  {
    name: 'EndpointSlice ports',
    group: 'discovery.k8s.io',
    kind: 'EndpointSlice',
    input: { metadata: meta('es'), addressType: 'IPv4', endpoints: [], ports: [{ port: 80 }] },
    output: { metadata: meta('es'), addressType: 'IPv4', endpoints: [], ports: [{ port: 80, name: '', protocol: 'TCP' }] },
  },
  {
    name: 'HorizontalPodAutoscaler with a behavior',
    group: 'autoscaling',
    version: 'v2',
    kind: 'HorizontalPodAutoscaler',
    input: { metadata: meta('h'), spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } },
    output: {
      metadata: meta('h'),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        maxReplicas: 5,
        minReplicas: 1,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
        behavior: {
          scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
          scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
        },
      },
    },
  },
  {
    name: 'a kind without defaults is left alone',
    group: '',
    kind: 'ConfigMap',
    input: { metadata: meta('cm'), data: { a: 'b' } },
    output: { metadata: meta('cm'), data: { a: 'b' } },
  },
];

describe('applyDefaults: golden objects', () => {
  for (const golden of goldens) {
    it(golden.name, () => {
      const obj = structuredClone(golden.input) as KubeObject;
      applyDefaults({ group: golden.group, version: golden.version ?? 'v1', kind: golden.kind }, obj);
      assert.deepEqual(obj, golden.output);
    });
  }

  it('is idempotent: defaulting a defaulted object changes nothing', () => {
    for (const golden of goldens) {
      const obj = structuredClone(golden.output) as KubeObject;
      applyDefaults({ group: golden.group, version: golden.version ?? 'v1', kind: golden.kind }, obj);
      assert.deepEqual(obj, golden.output, golden.name);
    }
  });
});
