import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreResources } from '../../../../src/registry/core/index.js';
import { STANDARD_VERBS } from '../../../../src/registry/resource.js';

const NOW = new Date('2025-01-01T01:00:00Z');
const minimal = () => ({ metadata: { name: 'x', creationTimestamp: '2025-01-01T00:00:00Z' } });

test('every core kind prints a full row for a minimal object', () => {
  for (const def of coreResources) {
    const table = def.table;
    assert.ok(table, `${def.plural} has a table`);
    const row = table.row(minimal(), NOW);
    assert.equal(row.length, table.columns.length, `${def.plural}: cells vs columns`);
    assert.equal(row[table.columns.findIndex((c) => c.format === 'name')], 'x', `${def.plural}: name cell`);
    table.columns.forEach((c, i) => {
      if (c.type === 'integer') assert.equal(typeof row[i], 'number', `${def.plural}.${c.name} is an integer cell`);
      assert.ok(c.description, `${def.plural}.${c.name} has a description`);
    });
  }
});

test('core kinds are in discovery order with the names, scope and hashes of v1.32', () => {
  const facts = coreResources.map((d) => [d.plural, d.singular, d.kind, d.namespaced, (d.shortNames ?? []).join(','), (d.categories ?? []).join(','), d.storageVersionHash]);
  assert.deepEqual(facts, [
    ['bindings', 'binding', 'Binding', true, '', '', undefined],
    ['configmaps', 'configmap', 'ConfigMap', true, 'cm', '', 'qFsyl6wFWjQ='],
    ['endpoints', 'endpoints', 'Endpoints', true, 'ep', '', 'fWeeMqaN/OA='],
    ['events', 'event', 'Event', true, 'ev', '', 'r2yiGXH7wu8='],
    ['limitranges', 'limitrange', 'LimitRange', true, 'limits', '', 'EBKMFVe6cwo='],
    ['namespaces', 'namespace', 'Namespace', false, 'ns', '', 'Q3oi5N2YM8M='],
    ['nodes', 'node', 'Node', false, 'no', '', 'XwShjMxG9Fs='],
    ['persistentvolumeclaims', 'persistentvolumeclaim', 'PersistentVolumeClaim', true, 'pvc', '', 'QWTyNDq0dC4='],
    ['persistentvolumes', 'persistentvolume', 'PersistentVolume', false, 'pv', '', 'HN/zwEC+JgM='],
    ['pods', 'pod', 'Pod', true, 'po', 'all', 'xPOwRZ+Yhw8='],
    ['podtemplates', 'podtemplate', 'PodTemplate', true, '', '', 'LIXB2x4IFpk='],
    ['replicationcontrollers', 'replicationcontroller', 'ReplicationController', true, 'rc', 'all', 'Jond2If31h0='],
    ['resourcequotas', 'resourcequota', 'ResourceQuota', true, 'quota', '', '8uhSgffRX6w='],
    ['secrets', 'secret', 'Secret', true, '', '', 'S6u1pOWzb84='],
    ['serviceaccounts', 'serviceaccount', 'ServiceAccount', true, 'sa', '', 'pbx9ZvyFpBE='],
    ['services', 'service', 'Service', true, 'svc', 'all', '0/CO1lhkEBI='],
  ]);
  for (const def of coreResources) {
    assert.equal(def.group, '');
    assert.equal(def.version, 'v1');
    const special: Record<string, readonly string[]> = { namespaces: STANDARD_VERBS.filter((v) => v !== 'deletecollection'), bindings: ['create'] };
    const verbs = special[def.plural] ?? STANDARD_VERBS;
    assert.deepEqual(def.verbs, verbs, def.plural);
  }
});

test('core subresources', () => {
  const subs = Object.fromEntries(
    coreResources.filter((d) => d.subresources).map((d) => [d.plural, d.subresources!.map((s) => `${s.name}:${s.verbs.join(',')}${s.responseKind ? `:${s.responseKind.group}/${s.responseKind.kind}` : ''}`)]),
  );
  assert.deepEqual(subs, {
    namespaces: ['finalize:update', 'status:get,patch,update'],
    nodes: ['status:get,patch,update'],
    persistentvolumeclaims: ['status:get,patch,update'],
    persistentvolumes: ['status:get,patch,update'],
    pods: ['binding:create:/Binding', 'log:get:/Pod', 'status:get,patch,update'],
    replicationcontrollers: ['scale:get,patch,update:autoscaling/Scale', 'status:get,patch,update'],
    resourcequotas: ['status:get,patch,update'],
    services: ['status:get,patch,update'],
  });
});

test('name validation: DNS-1123 label for namespaces, DNS-1035 label for services, subdomains for the rest', () => {
  const expected: Record<string, string> = { namespaces: 'label', services: 'dns1035-label' };
  for (const def of coreResources) assert.equal(def.nameValidation, expected[def.plural] ?? 'subdomain', def.plural);
});

test('default field selection for kinds without a conversion function', () => {
  const byPlural = new Map(coreResources.map((d) => [d.plural, d]));
  for (const plural of ['configmaps', 'endpoints', 'limitranges', 'persistentvolumeclaims', 'persistentvolumes', 'podtemplates', 'resourcequotas', 'serviceaccounts']) {
    const sel = byPlural.get(plural)!.fieldSelection!;
    assert.equal(sel.convertLabel('metadata.namespace'), 'metadata.namespace');
    assert.throws(() => sel.convertLabel('spec.x'), { message: '"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"' });
  }
  const pv = byPlural.get('persistentvolumes')!.fieldSelection!;
  assert.deepEqual(pv.fields({ metadata: { name: 'v' } }), { 'metadata.name': 'v' });
});
