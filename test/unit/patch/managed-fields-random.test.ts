// Randomised comparisons of the managedFields shortcuts (equal subtrees skipped, lists paired by
// index, sets built while walking, managers recalled from their last encoding) with the slow
// computation of managed-fields-reference.ts: seeded sequences of creates and writes to
// Deployments by several managers, through JSON as a store keeps them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { KubeObject } from '../../../src/api/types.js';
import { SchemaCatalog } from '../../../src/openapi/schema-catalog.js';
import { compare } from '../../../src/patch/managed-fields/compare.js';
import { FieldSet } from '../../../src/patch/managed-fields/field-set.js';
import { recordUpdate, type ManagedFieldsEntry, type WriteOp } from '../../../src/patch/managed-fields/managed-fields.js';
import { patchMetaFor, type PatchMeta } from '../../../src/patch/patch-meta.js';
import { fieldsV1Of, referenceCompare, referenceRecordUpdate } from './managed-fields-reference.js';
import { chance, pick, rng, type Rand } from './seeded-random.js';

const repo = join(import.meta.dirname, '..', '..', '..');

type Obj = Record<string, unknown>;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Container names from a small pool, so that lists keep, lose, gain and repeat keys. */
function container(r: Rand): Obj {
  const c: Obj = { name: pick(r, ['a', 'b', 'c', 'd', 'e']), image: pick(r, ['nginx', 'nginx:1', 'busybox']) };
  if (chance(r, 0.5)) c.ports = Array.from({ length: Math.floor(r() * 3) }, () => port(r));
  if (chance(r, 0.5)) c.env = Array.from({ length: Math.floor(r() * 3) }, () => ({ name: pick(r, ['X', 'Y', 'Z']), value: pick(r, ['1', '2']) }));
  if (chance(r, 0.3)) c.args = pick(r, [['a'], ['a', 'b'], []]);
  if (chance(r, 0.3)) c.resources = pick(r, [{}, { requests: { cpu: '1m' } }, { limits: { memory: '1Mi' }, requests: {} }]);
  if (chance(r, 0.2)) c.securityContext = pick(r, [null, {}, { runAsUser: 1 }]);
  return c;
}

/** Ports key on containerPort and protocol; protocol left out takes its default, TCP. */
function port(r: Rand): Obj {
  const p: Obj = { containerPort: pick(r, [80, 81, 443]) };
  if (chance(r, 0.6)) p.protocol = pick(r, ['TCP', 'UDP']);
  if (chance(r, 0.4)) p.name = pick(r, ['http', 'x']);
  return p;
}

function deployment(r: Rand): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'default', labels: { app: 'd' }, creationTimestamp: '2025-01-02T03:04:05Z', uid: 'u' },
    spec: {
      replicas: pick(r, [1, 2]),
      selector: { matchLabels: { app: 'd' } },
      template: { metadata: { labels: { app: 'd' } }, spec: { containers: Array.from({ length: 1 + Math.floor(r() * 4) }, () => container(r)) } },
    },
    ...(chance(r, 0.5) ? { status: { replicas: 1 } } : {}),
  };
}

/** One random change: a container changed, added, removed, repeated or moved, labels, replicas, status. */
function mutate(r: Rand, obj: KubeObject): void {
  const spec = obj.spec as { replicas?: number; template: { spec: { containers: Obj[] } } };
  const containers = spec.template.spec.containers;
  const i = Math.floor(r() * containers.length);
  switch (Math.floor(r() * 9)) {
    case 0:
      if (containers[i]) containers[i].image = `img:${Math.floor(r() * 5)}`;
      break;
    case 1:
      containers.splice(Math.floor(r() * (containers.length + 1)), 0, container(r));
      break;
    case 2:
      if (containers.length > 1) containers.splice(i, 1);
      break;
    case 3:
      if (containers[i]) containers.push(clone(containers[i]));
      break;
    case 4:
      containers.reverse();
      break;
    case 5:
      obj.metadata.labels = chance(r, 0.5) ? { app: 'd', tier: pick(r, ['web', 'db']) } : { app: 'd' };
      break;
    case 6:
      if (chance(r, 0.5)) delete spec.replicas;
      else spec.replicas = pick(r, [1, 3]);
      break;
    case 7:
      obj.status = pick(r, [{ replicas: 2 }, { replicas: 1, readyReplicas: 1 }, {}]);
      break;
    default:
      if (containers[i]) containers[i] = { ...container(r), name: containers[i].name };
  }
}

/** What the client sends as managedFields: the live ones (as client-go does), none, a reset, or edited ones. */
function requestManagedFields(r: Rand, live: KubeObject, body: KubeObject): void {
  const entries = live.metadata.managedFields as ManagedFieldsEntry[] | undefined;
  const roll = r();
  if (roll < 0.55 && entries) body.metadata.managedFields = clone(entries);
  else if (roll < 0.75) delete body.metadata.managedFields;
  else if (roll < 0.8) body.metadata.managedFields = [];
  else if (entries && entries.length > 0) {
    const edited = clone(entries);
    const e = pick(r, edited);
    if (chance(r, 0.5)) e.fieldsV1 = { 'f:metadata': { 'f:labels': { 'f:app': {} } } };
    else edited.splice(edited.indexOf(e), 1);
    body.metadata.managedFields = edited;
  }
}

function writeOp(r: Rand, step: number): WriteOp {
  const subresource = chance(r, 0.15) ? 'status' : undefined;
  return {
    manager: pick(r, ['kubectl', 'helm', 'controller', 'kubectl-edit']),
    apiVersion: pick(r, ['apps/v1', 'apps/v1', 'apps/v1beta2']),
    subresource,
    // Several writes share a second: entries sort and merge by second.
    time: new Date(Date.UTC(2025, 0, 2, 3, 4, Math.floor(step / 3))),
    resetFields: subresource ? ['spec'] : ['status'],
  };
}

/** What the store does before recording an update: the fields the write does not own keep their live values. */
function keepResetFields(body: KubeObject, live: KubeObject, write: WriteOp): void {
  for (const field of write.resetFields ?? []) {
    if (live[field] === undefined) delete body[field];
    else body[field] = clone(live[field]);
  }
}

describe('managedFields shortcuts against the slow computation', () => {
  let meta: PatchMeta;
  before(async () => {
    meta = patchMetaFor(await SchemaCatalog.load(join(repo, 'openapi')), { group: 'apps', version: 'v1', kind: 'Deployment' }) as PatchMeta;
  });

  it('difference removes exactly the paths of the other set, and returns the set itself when none are', () => {
    const randomSet = (r: Rand): FieldSet => {
      const set = new FieldSet();
      for (let n = Math.floor(r() * 12); n > 0; n--) set.insert(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, ['f:a', 'f:b', 'k:{"n":1}', 'i:0'])));
      return set;
    };
    for (let seed = 1; seed <= 500; seed++) {
      const r = rng(seed);
      const [a, b] = [randomSet(r), randomSet(r)];
      const others = new Set(b.paths().map((p) => p.join('/')));
      const expected = a.paths().filter((p) => !others.has(p.join('/')));
      const d = a.difference(b);
      assert.deepEqual(d.paths(), expected, `seed ${seed}`);
      if (expected.length === a.paths().length) assert.equal(d, a, `seed ${seed}: nothing removed`);
    }
  });

  it('compare finds the paths a full walk finds', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const before = deployment(r);
      const after = clone(before);
      for (let n = 1 + Math.floor(r() * 3); n > 0; n--) mutate(r, after);
      const fast = compare(before, after, meta);
      const slow = referenceCompare(before, after, meta);
      assert.deepEqual(fieldsV1Of(fast.changed), fieldsV1Of(slow.changed), `changed, seed ${seed}`);
      assert.deepEqual(fieldsV1Of(fast.removed), fieldsV1Of(slow.removed), `removed, seed ${seed}`);
    }
  });

  it('recordUpdate records what the slow computation records, write after write', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      let live = deployment(r);
      const created = clone(live);
      const op = writeOp(r, 0);
      const expected = referenceRecordUpdate(undefined, clone(created), op, meta);
      recordUpdate(undefined, created, op, meta);
      assert.deepEqual(created.metadata.managedFields, expected, `create, seed ${seed}`);
      live = clone(created);
      for (let step = 1; step <= 25; step++) {
        const body = clone(live);
        for (let n = Math.floor(r() * 3); n > 0; n--) mutate(r, body);
        requestManagedFields(r, live, body);
        const write = writeOp(r, step);
        keepResetFields(body, live, write);
        const slow = referenceRecordUpdate(clone(live), clone(body), write, meta);
        recordUpdate(clone(live), body, write, meta);
        assert.deepEqual(body.metadata.managedFields, slow, `seed ${seed}, step ${step}`);
        live = clone(body);
      }
    }
  });
});
