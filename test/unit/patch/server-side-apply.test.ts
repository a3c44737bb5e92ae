// Server-side apply with two managers: ownership, conflicts and their Status, force, removal of
// fields an applier stops applying, list types (map by key, set), apply on create, the
// client-side apply migration, and the conflict message for several managers.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { StatusError } from '../../../src/api/errors.js';
import type { KubeObject } from '../../../src/api/types.js';
import { SchemaCatalog } from '../../../src/openapi/schema-catalog.js';
import { conflictMessage } from '../../../src/patch/apply-conflict.js';
import { recordUpdate, serverSideApply, type ManagedFieldsEntry } from '../../../src/patch/managed-fields/index.js';
import { patchMetaFor, type PatchMeta } from '../../../src/patch/patch-meta.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const T0 = new Date('2025-01-02T03:04:05Z');
const T1 = new Date('2025-01-02T04:00:00Z');
const T2 = new Date('2025-01-02T05:00:00Z');

type Json = Record<string, any>;

function config(spec: Json | undefined, metadata: Json = {}): KubeObject {
  const obj: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', ...metadata } };
  if (spec) obj.spec = spec;
  return obj;
}

const template = (containers: Json[]): Json => ({ metadata: { labels: { app: 'web' } }, spec: { containers } });
const baseSpec = (containers: Json[], replicas?: number): Json => ({
  ...(replicas === undefined ? {} : { replicas }),
  selector: { matchLabels: { app: 'web' } },
  template: template(containers),
});
const fieldsOf = (obj: KubeObject, manager: string): Json | undefined =>
  (obj.metadata.managedFields as ManagedFieldsEntry[] | undefined)?.find((e) => e.manager === manager)?.fieldsV1;
const entryOf = (obj: KubeObject, manager: string): ManagedFieldsEntry | undefined =>
  (obj.metadata.managedFields as ManagedFieldsEntry[] | undefined)?.find((e) => e.manager === manager);
const containersOf = (obj: KubeObject): Json[] => (obj.spec as Json).template.spec.containers;

describe('server-side apply', () => {
  let meta: PatchMeta;
  const apply = (live: KubeObject | undefined, cfg: KubeObject, manager: string, time = T0, force = false): KubeObject =>
    serverSideApply(live, cfg, { manager, apiVersion: 'apps/v1', time, force, resetFields: ['status'] }, meta);
  before(async () => {
    const catalog = await SchemaCatalog.load(join(repo, 'openapi'));
    meta = patchMetaFor(catalog, { group: 'apps', version: 'v1', kind: 'Deployment' }) as PatchMeta;
  });

  it('creates (upsert) and records one Apply entry shaped as a real cluster shows it', () => {
    const obj = apply(undefined, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2)), 'kubectl');
    assert.equal((obj.spec as Json).replicas, 2);
    assert.deepEqual(obj.metadata.managedFields, [
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: '2025-01-02T03:04:05Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { 'f:app': {} } },
              'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
            },
          },
        },
      },
    ]);
  });

  it('refuses to change a field another applier owns: 409 with one cause per field', () => {
    const created = apply(undefined, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2)), 'kubectl');
    assert.throws(
      () => apply(created, config({ replicas: 3 }), 'other-applier', T1),
      (err: unknown) => {
        assert.ok(err instanceof StatusError);
        assert.equal(err.code, 409);
        assert.deepEqual(err.status, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas',
          reason: 'Conflict',
          details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl"', field: '.spec.replicas' }] },
          code: 409,
        });
        return true;
      },
    );
  });

  it('gives an Update manager the fields it changes, taken from the applier', () => {
    const created = apply(undefined, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2)), 'kubectl');
    const edited = structuredClone(created);
    (edited.spec as Json).replicas = 5;
    recordUpdate(created, edited, { manager: 'kubectl-edit', apiVersion: 'apps/v1', time: T1 }, meta);
    assert.deepEqual(fieldsOf(edited, 'kubectl-edit'), { 'f:spec': { 'f:replicas': {} } });
    assert.equal(fieldsOf(edited, 'kubectl')?.['f:spec']['f:replicas'], undefined);
  });

  it('names Update managers with apiVersion and time in conflicts', () => {
    const created = apply(undefined, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2)), 'kubectl');
    const edited = structuredClone(created);
    (edited.spec as Json).replicas = 5;
    recordUpdate(created, edited, { manager: 'kubectl-edit', apiVersion: 'apps/v1', time: T1 }, meta);
    assert.throws(
      () => apply(edited, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2)), 'kubectl', T2),
      { message: 'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1 at 2025-01-02T04:00:00Z: .spec.replicas' },
    );
  });

  it('--force-conflicts takes ownership', () => {
    const created = apply(undefined, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2)), 'kubectl');
    const edited = structuredClone(created);
    (edited.spec as Json).replicas = 5;
    recordUpdate(created, edited, { manager: 'kubectl-edit', apiVersion: 'apps/v1', time: T1 }, meta);
    const forced = apply(edited, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2)), 'kubectl', T2, true);
    assert.equal((forced.spec as Json).replicas, 2);
    assert.equal(entryOf(forced, 'kubectl-edit'), undefined, 'the editor owned nothing else');
    assert.deepEqual(fieldsOf(forced, 'kubectl')?.['f:spec']['f:replicas'], {});
    assert.equal(entryOf(forced, 'kubectl')?.time, '2025-01-02T05:00:00Z');
  });

  it('shares a field two appliers set to the same value, without conflict', () => {
    const a = apply(undefined, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2)), 'a');
    const b = apply(a, config({ replicas: 2 }), 'b', T1);
    assert.deepEqual(fieldsOf(b, 'a')?.['f:spec']['f:replicas'], {});
    assert.deepEqual(fieldsOf(b, 'b'), { 'f:spec': { 'f:replicas': {} } });
    assert.equal(entryOf(b, 'b')?.time, undefined, 'nothing changed, so no time');
  });

  it('removes what an applier stops applying unless another manager owns it', () => {
    const a1 = apply(undefined, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }, { name: 'extra', image: 'busybox' }], 2)), 'a');
    const b = apply(a1, config({ template: { spec: { containers: [{ name: 'side', image: 'envoy' }] } } }), 'b', T1);
    assert.deepEqual(containersOf(b).map((c) => c.name), ['nginx', 'extra', 'side']);
    const a2 = apply(b, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }])), 'a', T2);
    assert.deepEqual(containersOf(a2).map((c) => c.name), ['nginx', 'side'], 'extra is pruned, side is kept');
    assert.equal((a2.spec as Json).replicas, undefined, 'replicas is no longer applied by anyone');
    assert.equal(JSON.stringify(fieldsOf(a2, 'a')).includes('extra'), false);
  });

  it('keeps a dropped field another applier also owns', () => {
    const a1 = apply(undefined, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2)), 'a');
    const b = apply(a1, config({ replicas: 2 }), 'b', T1);
    const a2 = apply(b, config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }])), 'a', T2);
    assert.equal((a2.spec as Json).replicas, 2);
  });

  it('merges set lists item by item (finalizers)', () => {
    const a = apply(undefined, config(baseSpec([{ name: 'nginx', image: 'i' }]), { finalizers: ['x/a'] }), 'a');
    const b = apply(a, config(undefined, { finalizers: ['x/b'] }), 'b', T1);
    assert.deepEqual(b.metadata.finalizers, ['x/a', 'x/b']);
    assert.deepEqual(fieldsOf(b, 'b'), { 'f:metadata': { 'f:finalizers': { 'v:"x/b"': {} } } });
    const a2 = apply(b, config(baseSpec([{ name: 'nginx', image: 'i' }])), 'a', T2);
    assert.deepEqual(a2.metadata.finalizers, ['x/b']);
  });

  it('lets kubectl take over client-side apply fields named by last-applied, and keeps the annotation in step', () => {
    const lastApplied = '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":2}}\n';
    const live = config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 2), { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } });
    recordUpdate(undefined, live, { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', time: T0, resetFields: ['status'] }, meta);
    const cfg = config(baseSpec([{ name: 'nginx', image: 'nginx:1.27' }], 4));
    const out = apply(live, cfg, 'kubectl', T1);
    assert.equal((out.spec as Json).replicas, 4);
    assert.equal(
      out.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},"spec":{"replicas":4,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}\n',
    );
    assert.throws(() => apply(live, config(baseSpec([{ name: 'nginx', image: 'nginx:1.28' }], 4)), 'kubectl', T1), /conflict with "kubectl-client-side-apply"/);
  });

  it('refuses a configuration that carries managedFields', () => {
    assert.throws(() => apply(undefined, config(undefined, { managedFields: [] }), 'a'), { message: 'metadata.managedFields must be nil' });
  });

  it('writes several conflicts grouped per manager, managers sorted', () => {
    const m = (manager: string) => ({ manager, operation: 'Apply' as const, apiVersion: 'v1' });
    assert.equal(
      conflictMessage([
        { manager: m('z'), field: '.spec.a' },
        { manager: m('b'), field: '.spec.b' },
        { manager: m('z'), field: '.spec.c' },
      ]),
      'Apply failed with 3 conflicts: conflicts with "b":\n- .spec.b\nconflicts with "z":\n- .spec.a\n- .spec.c',
    );
  });

  // About 0.7 ms warmed on an idle machine; the bound leaves room for a loaded test run.
  it('applies a 20-container pod template in a few milliseconds at most', () => {
    const containers = Array.from({ length: 20 }, (_, i) => ({ name: `c${i}`, image: `img:${i}`, env: [{ name: 'A', value: String(i) }], ports: [{ containerPort: 8000 + i }] }));
    let live = apply(undefined, config(baseSpec(containers, 1)), 'kubectl');
    for (let i = 0; i < 50; i++) live = apply(live, config(baseSpec(containers, 1)), 'kubectl', T1);
    const start = process.hrtime.bigint();
    const rounds = 200;
    for (let i = 0; i < rounds; i++) {
      live = apply(live, config(baseSpec(containers.map((c) => ({ ...c, image: `img:${i}` })), 1)), 'kubectl', T1);
    }
    const perApplyMs = Number(process.hrtime.bigint() - start) / 1e6 / rounds;
    assert.ok(perApplyMs < 5, `${perApplyMs.toFixed(3)} ms per apply`);
  });
});
