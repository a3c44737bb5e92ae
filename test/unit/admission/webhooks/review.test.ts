// The AdmissionReview request a webhook receives carries the write's own options object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReview } from '../../../../src/admission/webhooks/review.js';
import { podAttributes } from './fixtures.js';

test('the review carries the request options (CreateOptions with the field manager)', () => {
  const attrs = podAttributes({ dryRun: true, options: { kind: 'CreateOptions', apiVersion: 'meta.k8s.io/v1', dryRun: ['All'], fieldManager: 'kubectl-create' } });
  const review = createReview(attrs, { resource: attrs.resource, kind: attrs.kind, object: attrs.object }, ['v1']);
  assert.deepEqual(review.request.options, { kind: 'CreateOptions', apiVersion: 'meta.k8s.io/v1', dryRun: ['All'], fieldManager: 'kubectl-create' });
  assert.equal(review.request.dryRun, true);
  assert.equal(review.request.operation, 'CREATE');
});
