// managedFields bookkeeping for Update operations: the fieldsV1 trie, the shape a real cluster
// shows for a created pod, ownership moving between managers, timestamps, resets and the cap.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { KubeObject } from '../../../src/api/types.js';
import { SchemaCatalog } from '../../../src/openapi/schema-catalog.js';
import { FieldSet, pathString, recordUpdate, type ManagedFieldsEntry } from '../../../src/patch/managed-fields/index.js';
import { patchMetaFor, type PatchMeta } from '../../../src/patch/patch-meta.js';
import { kubectlRunFieldsV1 } from '../../helpers/kubectl-run-fields.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const T0 = new Date('2025-01-02T03:04:05.678Z');
const T1 = new Date('2025-01-02T03:05:00Z');

function pod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx', namespace: 'default', uid: 'u', resourceVersion: '5', creationTimestamp: '2025-01-02T03:04:05Z', labels: { run: 'nginx' } },
    spec: {
      containers: [
        { name: 'nginx', image: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'Always' },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

const entries = (obj: KubeObject): ManagedFieldsEntry[] => obj.metadata.managedFields as ManagedFieldsEntry[];

describe('fieldsV1 trie', () => {
  it('round-trips fieldsV1 with "." members, in path element order', () => {
    const v1 = { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:containers': { 'k:{"name":"a"}': { '.': {}, 'f:image': {} } }, 'f:a': {} } };
    const set = FieldSet.fromFieldsV1(v1);
    assert.ok(set.has(['f:metadata', 'f:labels']));
    assert.ok(!set.has(['f:metadata']));
    assert.deepEqual(JSON.stringify(set.toFieldsV1()), JSON.stringify({ 'f:metadata': v1['f:metadata'], 'f:spec': { 'f:a': {}, 'f:containers': v1['f:spec']['f:containers'] } }));
  });

  it('reads a null child as structured-merge-diff does: an empty node, so a member', () => {
    const set = FieldSet.fromFieldsV1({ 'f:data': { 'f:a': null, 'f:b': {} } });
    assert.ok(set.has(['f:data', 'f:a']));
    assert.ok(set.has(['f:data', 'f:b']));
  });

  it('does path-wise set algebra', () => {
    const a = FieldSet.fromFieldsV1({ 'f:spec': { 'f:a': {}, 'f:b': {} } });
    const b = FieldSet.fromFieldsV1({ 'f:spec': { 'f:b': {}, 'f:c': {} } });
    assert.deepEqual(a.union(b).toFieldsV1(), { 'f:spec': { 'f:a': {}, 'f:b': {}, 'f:c': {} } });
    assert.deepEqual(a.difference(b).toFieldsV1(), { 'f:spec': { 'f:a': {} } });
    assert.deepEqual(a.intersection(b).toFieldsV1(), { 'f:spec': { 'f:b': {} } });
  });

  it('prints paths as fieldpath does', () => {
    assert.equal(pathString(['f:spec', 'f:containers', 'k:{"name":"nginx"}', 'f:image']), '.spec.containers[name="nginx"].image');
    assert.equal(pathString(['f:spec', 'f:ports', 'k:{"port":80,"protocol":"TCP"}']), '.spec.ports[port=80,protocol="TCP"]');
    assert.equal(pathString(['f:metadata', 'f:finalizers', 'v:"a"']), '.metadata.finalizers[="a"]');
  });
});

describe('recordUpdate', () => {
  let meta: PatchMeta;
  let deployMeta: PatchMeta;
  before(async () => {
    const catalog = await SchemaCatalog.load(join(repo, 'openapi'));
    meta = patchMetaFor(catalog, { group: '', version: 'v1', kind: 'Pod' }) as PatchMeta;
    deployMeta = patchMetaFor(catalog, { group: 'apps', version: 'v1', kind: 'Deployment' }) as PatchMeta;
  });

  it('records a create as a real cluster shows it (kubectl run)', () => {
    const obj = pod();
    recordUpdate(undefined, obj, { manager: 'kubectl-run', apiVersion: 'v1', time: T0, resetFields: ['status'] }, meta);
    assert.deepEqual(JSON.stringify(obj.metadata.managedFields), JSON.stringify([
      {
        manager: 'kubectl-run',
        operation: 'Update',
        apiVersion: 'v1',
        time: '2025-01-02T03:04:05Z',
        fieldsType: 'FieldsV1',
        fieldsV1: kubectlRunFieldsV1('nginx'),
      },
    ]));
  });

  it('moves changed fields to the writer and keeps the others', () => {
    const created = pod();
    recordUpdate(undefined, created, { manager: 'kubectl-run', apiVersion: 'v1', time: T0, resetFields: ['status'] }, meta);
    const labelled = structuredClone(created);
    labelled.metadata.labels = { run: 'nginx', tier: 'web' };
    recordUpdate(created, labelled, { manager: 'kubectl-label', apiVersion: 'v1', time: T1 }, meta);
    const [run, label] = entries(labelled);
    assert.equal(run.manager, 'kubectl-run');
    assert.equal(label.manager, 'kubectl-label');
    assert.equal(label.time, '2025-01-02T03:05:00Z');
    assert.deepEqual(label.fieldsV1, { 'f:metadata': { 'f:labels': { 'f:tier': {} } } });

    const edited = structuredClone(labelled);
    (edited.spec as { containers: { image: string }[] }).containers[0].image = 'nginx:1.27';
    edited.metadata.labels = { tier: 'web' };
    recordUpdate(labelled, edited, { manager: 'kubectl-edit', apiVersion: 'v1', time: T1 }, meta);
    const byName = Object.fromEntries(entries(edited).map((e) => [e.manager, e.fieldsV1]));
    assert.deepEqual(byName['kubectl-edit'], { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { 'f:image': {} } } } });
    const runFields = byName['kubectl-run'] as Record<string, Record<string, unknown>>;
    assert.deepEqual(runFields['f:metadata'], { 'f:labels': {} }, 'the removed label leaves its owner, the map stays owned');
    const runContainer = (runFields['f:spec'] as Record<string, Record<string, Record<string, unknown>>>)['f:containers']['k:{"name":"nginx"}'];
    assert.equal(runContainer['f:image'], undefined, 'the image moved to kubectl-edit');
    assert.deepEqual(runContainer['f:name'], {});
  });

  it('adds no entry and keeps the time when a write changes nothing it can own', () => {
    const created = pod();
    recordUpdate(undefined, created, { manager: 'kubectl-run', apiVersion: 'v1', time: T0, resetFields: ['status'] }, meta);
    const same = structuredClone(created);
    same.metadata.resourceVersion = '9';
    recordUpdate(created, same, { manager: 'other', apiVersion: 'v1', time: T1 }, meta);
    assert.deepEqual(same.metadata.managedFields, created.metadata.managedFields);
  });

  it('takes the request managedFields when set, and an empty list resets them', () => {
    const created = pod();
    recordUpdate(undefined, created, { manager: 'kubectl-run', apiVersion: 'v1', time: T0, resetFields: ['status'] }, meta);
    const reset = structuredClone(created);
    reset.metadata.managedFields = [];
    recordUpdate(created, reset, { manager: 'x', apiVersion: 'v1', time: T1 }, meta);
    assert.equal(reset.metadata.managedFields, undefined);
    const kept = structuredClone(created);
    delete kept.metadata.managedFields;
    recordUpdate(created, kept, { manager: 'x', apiVersion: 'v1', time: T1 }, meta);
    assert.deepEqual(kept.metadata.managedFields, created.metadata.managedFields);
  });

  it('keeps 10 Update managers and merges older ones into ancient-changes', () => {
    let obj = pod();
    recordUpdate(undefined, obj, { manager: 'm0', apiVersion: 'v1', time: new Date(Date.UTC(2025, 0, 1, 0, 0, 0)), resetFields: ['status'] }, meta);
    for (let i = 1; i <= 11; i++) {
      const next = structuredClone(obj);
      next.metadata.labels = { ...next.metadata.labels, [`l${i}`]: 'x' };
      recordUpdate(obj, next, { manager: `m${i}`, apiVersion: 'v1', time: new Date(Date.UTC(2025, 0, 1, 0, i, 0)) }, meta);
      obj = next;
    }
    const managers = entries(obj).map((e) => e.manager);
    assert.equal(managers.length, 10);
    assert.ok(managers.includes('ancient-changes'));
    assert.ok(!managers.includes('m0') && !managers.includes('m1') && !managers.includes('m2'));
  });

  it('merges managers of the same second in the order of kube-apiserver\'s manager identifiers (a subresource writer before its main one)', () => {
    let obj = pod();
    const at = (minute: number): Date => new Date(Date.UTC(2025, 0, 1, 0, minute, 0));
    recordUpdate(undefined, obj, { manager: 'x', apiVersion: 'v1', time: at(0), resetFields: ['status'] }, meta);
    const writes: [string, string | undefined, number][] = [['a', undefined, 1], ['a', 'status', 1], ...Array.from({ length: 7 }, (_, i): [string, undefined, number] => [`m${i}`, undefined, 2]), ['late', undefined, 3]];
    for (const [manager, subresource, minute] of writes) {
      const next = structuredClone(obj);
      if (subresource) next.status = { ...(next.status as object), message: manager };
      else next.metadata.labels = { ...next.metadata.labels, [manager]: 'x' };
      recordUpdate(obj, next, { manager, apiVersion: 'v1', subresource, time: at(minute), resetFields: subresource ? ['spec'] : ['status'] }, meta);
      obj = next;
    }
    // {"manager":"a","operation":"Update","apiVersion":"v1","subresource":"status"} sorts before
    // {"manager":"a","operation":"Update","apiVersion":"v1"} (',' < '}'): the status writer is merged.
    const kept = entries(obj).map((e) => `${e.manager}${e.subresource ? `/${e.subresource}` : ''}`);
    assert.ok(kept.includes('a') && !kept.includes('a/status') && kept.includes('ancient-changes'), kept.join(' '));
  });

  it('leaves value structs of the zero object without "." on create (deployment)', () => {
    const d: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
    };
    recordUpdate(undefined, d, { manager: 'kubectl-create', apiVersion: 'apps/v1', time: T0, resetFields: ['status'] }, deployMeta);
    const spec = (entries(d)[0].fieldsV1 as Record<string, Record<string, Record<string, unknown>>>)['f:spec'];
    assert.equal(spec['.'], undefined);
    assert.deepEqual(spec['f:selector'], {});
    assert.deepEqual(Object.keys(spec['f:template']), ['f:metadata', 'f:spec']);
  });
});
