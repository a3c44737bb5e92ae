import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeProtobufBody } from '../../../src/protobuf/index.js';
import { bool, emptyObjectMeta, envelope, int, intOrString, message, quantity, quantityMap, str, stringMap, strings } from './encoder.js';

// Pods as a Go client (a controller, client-go) writes them: every non-pointer scalar present, even
// when zero; pointers only when set. The expected JSON is what encoding/json writes for the Go object.

const volumes = Buffer.concat([
  // Volume{1 name, 2 VolumeSource (inline)}: configMap{1 LocalObjectReference (inline){1 name}, 2 items, 3 defaultMode}
  message(1, str(1, 'conf'), message(2, message(19, message(1, str(1, 'app-config')), message(2, str(1, 'a'), str(2, 'a.txt')), int(3, 0o644)))),
  // emptyDir{1 medium, 2 sizeLimit *Quantity}
  message(1, str(1, 'scratch'), message(2, message(2, str(1, 'Memory'), quantity(2, '64Mi')))),
  // secret{1 secretName, 3 defaultMode, 4 optional}
  message(1, str(1, 'creds'), message(2, message(6, str(1, 'db'), bool(4, false)))),
  // hostPath{1 path, 2 type *string}; persistentVolumeClaim{1 claimName, 2 readOnly}
  message(1, str(1, 'logs'), message(2, message(1, str(1, '/var/log'), str(2, '')))),
  message(1, str(1, 'data'), message(2, message(10, str(1, 'pvc-1'), bool(2, false)))),
]);

const container = message(
  2,
  str(1, 'app'),
  str(2, 'nginx:1.27'),
  strings(3, ['nginx']),
  strings(4, ['-g', 'daemon off;']),
  str(5, ''),
  message(6, str(1, 'http'), int(2, 0), int(3, 80), str(4, 'TCP'), str(5, '')),
  // env: a value, a configMapKeyRef (LocalObjectReference inline) and a fieldRef
  message(7, str(1, 'MODE'), str(2, 'prod')),
  message(7, str(1, 'LEVEL'), str(2, ''), message(3, message(3, message(1, str(1, 'app-config')), str(2, 'level')))),
  message(7, str(1, 'POD'), str(2, ''), message(3, message(1, str(1, 'v1'), str(2, 'metadata.name')))),
  message(8, quantityMap(1, { cpu: '500m', memory: '128Mi' }), quantityMap(2, { cpu: '250m' })),
  message(9, str(1, 'conf'), bool(2, true), str(3, '/etc/app'), str(4, ''), str(6, '')),
  // livenessProbe: ProbeHandler inline{2 httpGet{1 path, 2 port IntOrString, 3 host, 4 scheme}}, 2 initialDelaySeconds...
  message(10, message(1, message(2, str(1, '/healthz'), intOrString(2, 'http'), str(3, ''), str(4, 'HTTP'))), int(2, 5), int(3, 1), int(4, 10), int(5, 1), int(6, 3)),
  str(13, '/dev/termination-log'),
  str(14, 'IfNotPresent'),
  message(15, bool(5, true), int(4, 1000)),
  bool(16, false),
  bool(17, false),
  bool(18, false),
  str(20, 'File'),
);

const affinity = message(
  18,
  message(1, message(1, message(1, message(1, str(1, 'kubernetes.io/os'), str(2, 'In'), strings(3, ['linux']))))),
);

const spec = message(
  2,
  volumes,
  container,
  str(3, 'Always'),
  int(4, 30),
  str(6, 'ClusterFirst'),
  stringMap(7, { disk: 'ssd' }),
  str(8, 'web'),
  str(9, 'web'),
  str(10, ''),
  bool(11, false),
  bool(12, false),
  bool(13, false),
  message(14, bool(3, true), int(6, 2000)),
  str(16, ''),
  str(17, ''),
  affinity,
  str(19, 'default-scheduler'),
  message(22, str(1, 'node.kubernetes.io/not-ready'), str(2, 'Exists'), str(3, ''), str(4, 'NoExecute'), int(5, 300)),
  str(24, ''),
  int(25, 0),
);

describe('decodeProtobufBody: Pod', () => {
  it('decodes volumes, containers, probes, env sources, affinity and tolerations as Go writes them', () => {
    const raw = Buffer.concat([emptyObjectMeta(1, 'web-0'), spec, message(3, str(1, 'Pending'), str(3, ''), str(4, ''), str(5, ''), str(6, ''), str(9, ''), str(11, ''), str(14, ''))]);
    const json = decodeProtobufBody(envelope('v1', 'Pod', raw));
    assert.deepEqual(json, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-0' },
      spec: {
        volumes: [
          { name: 'conf', configMap: { name: 'app-config', items: [{ key: 'a', path: 'a.txt' }], defaultMode: 0o644 } },
          { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
          { name: 'creds', secret: { secretName: 'db', optional: false } },
          { name: 'logs', hostPath: { path: '/var/log', type: '' } },
          { name: 'data', persistentVolumeClaim: { claimName: 'pvc-1' } },
        ],
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            command: ['nginx'],
            args: ['-g', 'daemon off;'],
            ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
            env: [
              { name: 'MODE', value: 'prod' },
              { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'level' } } },
              { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            ],
            resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } },
            volumeMounts: [{ name: 'conf', readOnly: true, mountPath: '/etc/app' }],
            livenessProbe: {
              httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
              initialDelaySeconds: 5,
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            imagePullPolicy: 'IfNotPresent',
            securityContext: { runAsUser: 1000, runAsNonRoot: true },
          },
        ],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        nodeSelector: { disk: 'ssd' },
        serviceAccountName: 'web',
        serviceAccount: 'web',
        securityContext: { runAsGroup: 2000, runAsNonRoot: true },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] }],
            },
          },
        },
        schedulerName: 'default-scheduler',
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
        priority: 0,
      },
      status: { phase: 'Pending' },
    });
  });

  it('writes a container without resources as `resources: {}`, and a missing name as ""', () => {
    const raw = Buffer.concat([emptyObjectMeta(), message(2, message(2, str(2, 'busybox')))]);
    const json = decodeProtobufBody(envelope('v1', 'Pod', raw));
    assert.deepEqual(json.spec, { containers: [{ name: '', image: 'busybox', resources: {} }] });
    assert.deepEqual(json.status, {});
  });
});
