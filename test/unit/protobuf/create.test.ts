import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeProtobufBody } from '../../../src/protobuf/index.js';
import { KUBECTL_CREATE_CAPTURES } from './fixtures-create.js';

/** The decoder leaves out Go's `null`s (`creationTimestamp: null`); kubectl's printed JSON has them. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

describe('decodeProtobufBody: the bodies `kubectl create <generator>` and `kubectl autoscale` send', () => {
  for (const capture of KUBECTL_CREATE_CAPTURES) {
    it(`kubectl ${capture.command}`, () => {
      const decoded = decodeProtobufBody(Buffer.from(capture.body, 'base64'));
      assert.deepEqual(decoded, withoutNulls(capture.json));
    });
  }

  it('has a capture for every kind these commands make', () => {
    const kinds = new Set(KUBECTL_CREATE_CAPTURES.map((c) => `${String(c.json.apiVersion)}/${String(c.json.kind)}`));
    const expected = [
      'v1/ConfigMap',
      'v1/Secret',
      'v1/Service',
      'v1/ServiceAccount',
      'v1/ResourceQuota',
      'v1/Namespace',
      'apps/v1/Deployment',
      'autoscaling/v1/HorizontalPodAutoscaler',
      'batch/v1/Job',
      'batch/v1/CronJob',
      'policy/v1/PodDisruptionBudget',
      'networking.k8s.io/v1/Ingress',
      'scheduling.k8s.io/v1/PriorityClass',
      'rbac.authorization.k8s.io/v1/Role',
      'rbac.authorization.k8s.io/v1/ClusterRole',
      'rbac.authorization.k8s.io/v1/RoleBinding',
      'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
    ];
    assert.deepEqual([...kinds].sort(), expected.sort());
  });
});
