// The shortcuts of server-side apply must not change what it gives: lists whose items pair up by
// index are merged as keyed lists are, an applier re-applying the same fields keeps its set and
// prunes nothing, and one that stops applying a field still has it pruned.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { KubeObject } from '../../../src/api/types.js';
import { SchemaCatalog } from '../../../src/openapi/schema-catalog.js';
import { serverSideApply, type ManagedFieldsEntry } from '../../../src/patch/managed-fields/index.js';
import { mergeApplied } from '../../../src/patch/managed-fields/merge.js';
import { patchMetaFor, type PatchMeta } from '../../../src/patch/patch-meta.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const T0 = new Date('2025-01-02T03:04:05Z');
type Json = Record<string, any>;

const deployment = (containers: Json[]): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers } } },
});
const containersOf = (obj: unknown): Json[] => (obj as Json).spec.template.spec.containers;
const fieldsOf = (obj: KubeObject, manager: string): unknown =>
  (obj.metadata.managedFields as ManagedFieldsEntry[]).find((e) => e.manager === manager)?.fieldsV1;

describe('server-side apply shortcuts', () => {
  let meta: PatchMeta;
  const apply = (live: KubeObject | undefined, cfg: KubeObject, manager = 'ssa'): KubeObject =>
    serverSideApply(live, cfg, { manager, apiVersion: 'apps/v1', time: T0, force: false, resetFields: ['status'] }, meta);
  before(async () => {
    meta = patchMetaFor(await SchemaCatalog.load(join(repo, 'openapi')), { group: 'apps', version: 'v1', kind: 'Deployment' }) as PatchMeta;
  });

  it('merges lists with the same keys in the same order item by item, keeping live-only fields', () => {
    const live = deployment([
      { name: 'a', image: 'a:1', stdin: true },
      { name: 'b', image: 'b:1' },
    ]);
    const merged = mergeApplied(live, deployment([{ name: 'a', image: 'a:2' }, { name: 'b', image: 'b:2', tty: true }]), meta);
    assert.deepEqual(containersOf(merged), [
      { name: 'a', image: 'a:2', stdin: true },
      { name: 'b', image: 'b:2', tty: true },
    ]);
  });

  it('merges lists with a duplicated key as keyed lists do (the later duplicate is dropped)', () => {
    const live = deployment([
      { name: 'a', image: 'a:1' },
      { name: 'b', image: 'b:1' },
    ]);
    const merged = mergeApplied(live, deployment([{ name: 'a', image: 'a:2' }, { name: 'a', image: 'a:3' }]), meta);
    assert.deepEqual(containersOf(merged), [{ name: 'a', image: 'a:2' }, { name: 'b', image: 'b:1' }]);
  });

  it('keeps the applier its set (the same fieldsV1 tree) when it applies the same fields again', () => {
    const first = apply(undefined, deployment([{ name: 'a', image: 'a:1' }]));
    const second = apply(first, deployment([{ name: 'a', image: 'a:2' }]));
    assert.equal(containersOf(second)[0].image, 'a:2');
    assert.equal(fieldsOf(second, 'ssa'), fieldsOf(first, 'ssa'));
  });

  it('still prunes a field the applier stopped applying', () => {
    const first = apply(undefined, deployment([{ name: 'a', image: 'a:1', stdin: true }]));
    const second = apply(first, deployment([{ name: 'a', image: 'a:1' }]));
    assert.deepEqual(containersOf(second), [{ name: 'a', image: 'a:1' }]);
  });

  it('prunes the labels an applier stopped applying, and keeps the metadata nobody owns', () => {
    const labelled = deployment([{ name: 'a', image: 'a:1' }]);
    labelled.metadata.labels = { app: 'web' };
    const first = apply(undefined, labelled);
    const second = apply(first, deployment([{ name: 'a', image: 'a:1' }]));
    assert.equal(second.metadata.labels, undefined);
    assert.equal(second.metadata.name, 'web');
    assert.equal(second.metadata.namespace, 'default');
  });

  it('leaves the live object and the configuration as they were', () => {
    const live = apply(undefined, deployment([{ name: 'a', image: 'a:1' }]));
    const cfg = deployment([{ name: 'a', image: 'a:2' }]);
    const [liveText, cfgText] = [JSON.stringify(live), JSON.stringify(cfg)];
    const out = apply(live, cfg);
    out.metadata.labels = { changed: 'yes' };
    assert.equal(JSON.stringify(live), liveText);
    assert.equal(JSON.stringify(cfg), cfgText);
  });
});
