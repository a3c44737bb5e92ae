// A custom resource's Table, against apiextensions-apiserver's tableconvertor.go: the Name
// column, the CRD's additionalPrinterColumns (or the default Age), and each cell by column type.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/api/types.js';
import { AGE_DESCRIPTION, NAME_DESCRIPTION } from '../../../../src/registry/printing.js';
import { customResourceTable, type PrinterColumn } from '../../../../src/registry/custom/printer-columns.js';

const NOW = new Date('2025-03-01T12:00:00Z');

/** The CronTab of the Kubernetes CRD walkthrough, with its printer columns. */
const CRON_TAB_COLUMNS: PrinterColumn[] = [
  { name: 'Spec', type: 'string', description: 'The cron spec defining the interval a CronJob is run', jsonPath: '.spec.cronSpec' },
  { name: 'Replicas', type: 'integer', description: 'The number of jobs launched by the CronJob', jsonPath: '.spec.replicas' },
  { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
];

function cronTab(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'stable.example.com/v1',
    kind: 'CronTab',
    metadata: { name: 'my-new-cron-object', namespace: 'default', creationTimestamp: '2025-03-01T11:55:00Z' },
    spec,
    ...extra,
  };
}

describe('customResourceTable: columns', () => {
  it('serves Name and the CRD columns, with the JSONPath description when the CRD gives none', () => {
    const { columns } = customResourceTable(CRON_TAB_COLUMNS);
    assert.deepEqual(columns, [
      { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 },
      { name: 'Spec', type: 'string', format: '', description: 'The cron spec defining the interval a CronJob is run', priority: 0 },
      { name: 'Replicas', type: 'integer', format: '', description: 'The number of jobs launched by the CronJob', priority: 0 },
      { name: 'Age', type: 'date', format: '', description: 'Custom resource definition column (in JSONPath format): .metadata.creationTimestamp', priority: 0 },
    ]);
  });

  it('keeps format and priority', () => {
    const { columns } = customResourceTable([{ name: 'Image', type: 'string', format: 'byte', priority: 1, jsonPath: '.spec.image' }]);
    assert.deepEqual(columns[1], { name: 'Image', type: 'string', format: 'byte', description: 'Custom resource definition column (in JSONPath format): .spec.image', priority: 1 });
  });

  it('serves Age from creationTimestamp when the version has no columns', () => {
    const table = customResourceTable([]);
    assert.deepEqual(table.columns.slice(1), [{ name: 'Age', type: 'date', format: '', description: AGE_DESCRIPTION, priority: 0 }]);
    assert.deepEqual(table.row(cronTab({}), NOW), ['my-new-cron-object', '5m']);
  });

  it('stops at a column whose path does not parse, keeping the ones before it', () => {
    const table = customResourceTable([CRON_TAB_COLUMNS[0], { name: 'Bad', type: 'string', jsonPath: '.spec[' }, CRON_TAB_COLUMNS[1]]);
    assert.deepEqual(table.columns.map((c) => c.name), ['Name', 'Spec']);
    assert.deepEqual(table.row(cronTab({ cronSpec: '* * * * */5', replicas: 1 }), NOW), ['my-new-cron-object', '* * * * */5']);
  });
});

describe('customResourceTable: cells', () => {
  const table = customResourceTable(CRON_TAB_COLUMNS);

  it('fills the CronTab row: name, spec, replicas, age as HumanDuration', () => {
    assert.deepEqual(table.row(cronTab({ cronSpec: '* * * * */5', replicas: 5 }), NOW), ['my-new-cron-object', '* * * * */5', 5, '5m']);
  });

  it('leaves a cell null when the path finds nothing', () => {
    assert.deepEqual(table.row(cronTab({}), NOW), ['my-new-cron-object', null, null, '5m']);
  });

  it('leaves a cell null when the value has another type', () => {
    assert.deepEqual(table.row(cronTab({ cronSpec: 5, replicas: '5' }), NOW), ['my-new-cron-object', '5', null, '5m']);
  });

  it('truncates a float in an integer column', () => {
    assert.deepEqual(table.row(cronTab({ replicas: 2.9 }), NOW)[2], 2);
    assert.deepEqual(table.row(cronTab({ replicas: -2.9 }), NOW)[2], -2);
  });

  it('takes the first value when the path finds several', () => {
    const t = customResourceTable([{ name: 'Types', type: 'string', jsonPath: '.status.conditions[*].type' }]);
    const obj = cronTab({}, { status: { conditions: [{ type: 'Ready' }, { type: 'Synced' }] } });
    assert.deepEqual(t.row(obj, NOW), ['my-new-cron-object', 'Ready']);
  });

  it('leaves a cell null when the path fails on this object', () => {
    const t = customResourceTable([{ name: 'First', type: 'string', jsonPath: '.status.conditions[0].type' }]);
    assert.deepEqual(t.row(cronTab({}, { status: { conditions: [] } }), NOW), ['my-new-cron-object', null]);
  });

  it('reads a Ready column through a filter', () => {
    const t = customResourceTable([
      { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
      { name: 'Reason', type: 'string', priority: 1, jsonPath: '.status.conditions[?(@.type=="Ready")].reason' },
    ]);
    const obj = cronTab({}, { status: { conditions: [{ type: 'Synced', status: 'False' }, { type: 'Ready', status: 'True' }] } });
    assert.deepEqual(t.row(obj, NOW), ['my-new-cron-object', 'True', null]);
  });

  it('prints string cells as PrintResults does: JSON for maps and lists, <no value> for null, %v for the rest', () => {
    const t = customResourceTable([
      { name: 'Selector', type: 'string', jsonPath: '.spec.selector' },
      { name: 'Ports', type: 'string', jsonPath: '.spec.ports' },
      { name: 'Note', type: 'string', jsonPath: '.spec.note' },
      { name: 'Paused', type: 'string', jsonPath: '.spec.paused' },
      { name: 'Ratio', type: 'string', jsonPath: '.spec.ratio' },
    ]);
    const obj = cronTab({ selector: { tier: 'web', app: 'a&b' }, ports: [80, 443], note: null, paused: true, ratio: 2.5 });
    assert.deepEqual(t.row(obj, NOW), ['my-new-cron-object', '{"app":"a\\u0026b","tier":"web"}', '[80,443]', '<no value>', 'true', '2.5']);
  });

  it('keeps numbers and booleans in number and boolean columns, and nulls the rest', () => {
    const t = customResourceTable([
      { name: 'Ratio', type: 'number', jsonPath: '.spec.ratio' },
      { name: 'Count', type: 'number', jsonPath: '.spec.count' },
      { name: 'Paused', type: 'boolean', jsonPath: '.spec.paused' },
      { name: 'Flag', type: 'boolean', jsonPath: '.spec.flag' },
      { name: 'Null', type: 'integer', jsonPath: '.spec.none' },
    ]);
    const obj = cronTab({ ratio: 0.75, count: 3, paused: false, flag: 'true', none: null });
    assert.deepEqual(t.row(obj, NOW), ['my-new-cron-object', 0.75, 3, false, null, null]);
  });

  it('turns date cells into the age: <unknown> for empty or zero, <invalid> when unparsable', () => {
    const t = customResourceTable([{ name: 'Last', type: 'date', jsonPath: '.status.lastScheduleTime' }]);
    const last = (value: unknown) => t.row(cronTab({}, { status: { lastScheduleTime: value } }), NOW)[1];
    assert.equal(last('2025-02-27T09:00:00Z'), '2d3h');
    assert.equal(last('2025-03-01T13:00:00+02:00'), '60m');
    assert.equal(last(''), '<unknown>');
    assert.equal(last('null'), '<unknown>');
    assert.equal(last('0001-01-01T00:00:00Z'), '<unknown>');
    assert.equal(last('yesterday'), '<invalid>');
    assert.equal(last('2025-03-01T12:00:10Z'), '<invalid>');
    assert.equal(last(1700000000), null);
  });
});
