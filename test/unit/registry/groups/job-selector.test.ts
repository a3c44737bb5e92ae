import assert from 'node:assert/strict';
import { test } from 'node:test';
import { def, obj } from './helpers.js';

const create = (fields: Record<string, unknown>) => {
  const job = obj(fields, { name: 'pi', uid: 'u-1' });
  def('batch', 'jobs').strategy.prepareForCreate!(job);
  return job;
};

test('a Job without manualSelector gets the controller-uid selector and the name and uid labels', () => {
  const job = create({ spec: { template: { metadata: { labels: { app: 'pi' } }, spec: { containers: [] } } } });
  assert.deepEqual(job.spec, {
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } },
    template: {
      metadata: {
        labels: {
          app: 'pi',
          'batch.kubernetes.io/controller-uid': 'u-1',
          'batch.kubernetes.io/job-name': 'pi',
          'controller-uid': 'u-1',
          'job-name': 'pi',
        },
      },
      spec: { containers: [] },
    },
  });
  assert.deepEqual(job.status, {});
});

test('labels the user set are kept; manualSelector leaves the Job alone', () => {
  const job = create({ spec: { selector: { matchLabels: { x: 'y' } }, template: { metadata: { labels: { 'job-name': 'mine' } } } } });
  const spec = job.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } };
  assert.equal(spec.template.metadata.labels['job-name'], 'mine');
  assert.deepEqual(spec.selector.matchLabels, { 'batch.kubernetes.io/controller-uid': 'u-1', x: 'y' });
  const manual = create({ spec: { manualSelector: true, selector: { matchLabels: { x: 'y' } }, template: {} } });
  assert.deepEqual(manual.spec, { manualSelector: true, selector: { matchLabels: { x: 'y' } }, template: {} });
});
