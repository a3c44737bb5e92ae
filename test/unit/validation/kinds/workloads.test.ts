import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from '../../../../src/validation/kinds/apps.js';
import { validateCronJob, validateJob } from '../../../../src/validation/kinds/batch.js';
import { cronScheduleError } from '../../../../src/validation/kinds/cron-schedule.js';
import { defaulted, render, set } from './helpers.js';

const TEMPLATE = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
const WORKLOAD = { spec: { selector: { matchLabels: { app: 'web' } }, template: TEMPLATE } };
const MISMATCH = 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`';

describe('validateDeployment', () => {
  const deployment = (body: Record<string, unknown> = WORKLOAD) => validateDeployment(defaulted('apps', 'Deployment', body));
  it('a valid deployment has no errors', () => assert.deepEqual(render(deployment()), []));
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['selector required', set(WORKLOAD, 'spec.selector', undefined), ['spec.selector: Required value', MISMATCH]],
    ['selector must match the template', set(WORKLOAD, 'spec.selector.matchLabels', { app: 'db' }), [MISMATCH]],
    ['negative replicas', set(WORKLOAD, 'spec.replicas', -1), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['template restartPolicy', set(WORKLOAD, 'spec.template.spec.restartPolicy', 'Never'), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['template container errors', set(WORKLOAD, 'spec.template.spec.containers', []), ['spec.template.spec.containers: Required value']],
    ['bad maxSurge', set(WORKLOAD, 'spec.strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'x', maxUnavailable: 1 } }), [
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: "x": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ]],
    ['both zero', set(WORKLOAD, 'spec.strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']],
    ['Recreate with rollingUpdate', set(WORKLOAD, 'spec.strategy', { type: 'Recreate', rollingUpdate: {} }), ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]],
    ['progress deadline below minReadySeconds', set(set(WORKLOAD, 'spec.minReadySeconds', 700), 'spec.progressDeadlineSeconds', 600), ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds']],
    [
      'bad template label',
      set(set(WORKLOAD, 'spec.template.metadata.labels', { app: 'web', 'a b': 'c' }), 'spec.selector.matchLabels', { app: 'web' }),
      [`spec.template.labels: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`],
    ],
  ];
  for (const [name, body, expected] of cases) it(name, () => assert.deepEqual(render(deployment(body)), expected));
});

describe('validateReplicaSet, validateStatefulSet, validateDaemonSet', () => {
  it('valid ones have no errors', () => {
    assert.deepEqual(render(validateReplicaSet(defaulted('apps', 'ReplicaSet', WORKLOAD))), []);
    assert.deepEqual(render(validateStatefulSet(defaulted('apps', 'StatefulSet', WORKLOAD))), []);
    assert.deepEqual(render(validateDaemonSet(defaulted('apps', 'DaemonSet', WORKLOAD))), []);
  });
  it('empty selectors name their kind', () => {
    const empty = set(WORKLOAD, 'spec.selector', {});
    assert.deepEqual(render(validateReplicaSet(defaulted('apps', 'ReplicaSet', empty))), ['spec.selector: Invalid value: map[string]string{}: empty selector is invalid for deployment']);
    assert.deepEqual(render(validateStatefulSet(defaulted('apps', 'StatefulSet', empty))), ['spec.selector: Invalid value: map[string]string{}: empty selector is invalid for statefulset']);
    assert.deepEqual(render(validateDaemonSet(defaulted('apps', 'DaemonSet', empty))), ['spec.selector: Invalid value: map[string]string{}: empty selector is invalid for daemonset']);
  });
  it('statefulset podManagementPolicy and daemonset activeDeadlineSeconds', () => {
    assert.deepEqual(render(validateStatefulSet(defaulted('apps', 'StatefulSet', set(WORKLOAD, 'spec.podManagementPolicy', 'Random')))), ["spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'"]);
    assert.deepEqual(render(validateDaemonSet(defaulted('apps', 'DaemonSet', set(WORKLOAD, 'spec.template.spec.activeDeadlineSeconds', 5)))), ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported']);
  });
  it('selector expressions are validated', () => {
    const body = set(WORKLOAD, 'spec.selector', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In' }] });
    assert.deepEqual(render(validateReplicaSet(defaulted('apps', 'ReplicaSet', body))), [
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In"}]}: invalid label selector',
    ]);
  });
});

describe('validateJob and validateCronJob', () => {
  const JOB = { spec: { selector: { matchLabels: { app: 'web' } }, template: set(TEMPLATE, 'spec.restartPolicy', 'Never') } };
  it('a valid job has no errors', () => assert.deepEqual(render(validateJob(defaulted('batch', 'Job', JOB))), []));
  it('restartPolicy must be OnFailure or Never', () => {
    assert.deepEqual(render(validateJob(defaulted('batch', 'Job', set(JOB, 'spec.template.spec.restartPolicy', 'Always')))), ['spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"']);
  });
  it('negative parallelism and a missing selector', () => {
    assert.deepEqual(render(validateJob(defaulted('batch', 'Job', set(set(JOB, 'spec.parallelism', -1), 'spec.selector', undefined)))), [
      'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
      'spec.selector: Required value',
      MISMATCH,
    ]);
  });

  const CRON = { spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: set(TEMPLATE, 'spec.restartPolicy', 'OnFailure') } } } };
  it('a valid cronjob has no errors', () => assert.deepEqual(render(validateCronJob(defaulted('batch', 'CronJob', CRON))), []));
  it('schedule errors', () => {
    assert.deepEqual(render(validateCronJob(defaulted('batch', 'CronJob', set(CRON, 'spec.schedule', '* * *')))), ['spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]']);
    assert.deepEqual(render(validateCronJob(defaulted('batch', 'CronJob', set(CRON, 'spec.schedule', undefined)))), ['spec.schedule: Required value']);
    assert.deepEqual(render(validateCronJob(defaulted('batch', 'CronJob', set(CRON, 'spec.schedule', 'TZ=UTC 0 * * * *')))), ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']);
  });
  it('job template selector and concurrency policy', () => {
    const body = set(set(CRON, 'spec.concurrencyPolicy', 'Sometimes'), 'spec.jobTemplate.spec.selector', { matchLabels: { a: 'b' } });
    assert.deepEqual(render(validateCronJob(defaulted('batch', 'CronJob', body))), [
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
      'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated',
    ]);
  });
});

describe('cronScheduleError (robfig/cron ParseStandard)', () => {
  const cases: [string, string | undefined][] = [
    ['0 0 * * *', undefined],
    ['@daily', undefined],
    ['@every 5m', undefined],
    ['0 0 * JAN-MAR mon-fri', undefined],
    ['*/15 9-17 1,15 * 0', undefined],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['@sometimes', 'unrecognized descriptor: @sometimes'],
  ];
  for (const [schedule, error] of cases) it(schedule, () => assert.equal(cronScheduleError(schedule), error));
});
