import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatusError } from '../../../../src/api/errors.js';
import { def, obj } from './helpers.js';

function rejection(convert: () => unknown): { code: number; message: string } {
  try {
    convert();
  } catch (err) {
    assert.ok(err instanceof StatusError);
    return { code: err.status.code, message: err.status.message ?? '' };
  }
  assert.fail('the label was accepted');
}

test('Job accepts status.successful and rejects anything else with its own text', () => {
  const jobs = def('batch', 'jobs').fieldSelection!;
  assert.equal(jobs.convertLabel('status.successful'), 'status.successful');
  assert.equal(jobs.convertLabel('metadata.namespace'), 'metadata.namespace');
  assert.deepEqual(rejection(() => jobs.convertLabel('status.succeeded')), { code: 400, message: 'field label "status.succeeded" not supported for Job' });
  assert.deepEqual(jobs.fields(obj({ status: { succeeded: 3 } })), { 'metadata.name': 'x', 'metadata.namespace': 'default', 'status.successful': '3' });
  assert.equal(jobs.fields(obj({})) ['status.successful'], '0');
});

test('other kinds take only metadata.name and metadata.namespace', () => {
  const deployments = def('apps', 'deployments').fieldSelection!;
  assert.deepEqual(rejection(() => deployments.convertLabel('status.replicas')), {
    code: 400,
    message: '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
  });
  const sc = def('storage.k8s.io', 'storageclasses').fieldSelection!;
  assert.equal(sc.convertLabel('metadata.namespace'), 'metadata.namespace');
  assert.deepEqual(sc.fields(obj({}, { namespace: undefined })), { 'metadata.name': 'x' });
});

test('events.k8s.io: regarding.* and reportingController map to the core fields; core-only labels are rejected', () => {
  const events = def('events.k8s.io', 'events').fieldSelection!;
  assert.equal(events.convertLabel('regarding.kind'), 'involvedObject.kind');
  assert.equal(events.convertLabel('regarding.fieldPath'), 'involvedObject.fieldPath');
  assert.equal(events.convertLabel('reportingController'), 'reportingComponent');
  assert.equal(events.convertLabel('type'), 'type');
  for (const label of ['source', 'involvedObject.kind', 'reportingComponent', 'note']) {
    assert.deepEqual(rejection(() => events.convertLabel(label)), { code: 400, message: `field label not supported: ${label}` });
  }
  const fields = events.fields(obj({ reason: 'Pulled', type: 'Normal', reportingController: 'kubelet', regarding: { kind: 'Pod', name: 'p', uid: 'u' } }));
  assert.equal(fields['involvedObject.kind'], 'Pod');
  assert.equal(fields['involvedObject.name'], 'p');
  assert.equal(fields['involvedObject.namespace'], '');
  assert.equal(fields.reportingComponent, 'kubelet');
  assert.equal(fields.source, 'kubelet');
  assert.equal(fields.reason, 'Pulled');
});
