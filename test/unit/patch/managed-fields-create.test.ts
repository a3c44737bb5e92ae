// The create shortcut (created-fields.ts: fieldsV1 written in one walk, no field sets) against the
// general path (compare with the zero object, stripMeta, withoutResetFields, FieldSet encoding)
// and the slow reference, on seeded random Pods and Deployments: schema fields, wrong types,
// unknown fields, nulls, empty maps and lists, duplicate list keys, undefined values. fieldsV1 is
// compared as JSON text, so key order counts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { KubeObject } from '../../../src/api/types.js';
import { SchemaCatalog } from '../../../src/openapi/schema-catalog.js';
import { compare } from '../../../src/patch/managed-fields/compare.js';
import { createdFieldsV1 } from '../../../src/patch/managed-fields/created-fields.js';
import { recordUpdate, stripMeta, withoutManagedFields, withoutResetFields, zeroObject } from '../../../src/patch/managed-fields/managed-fields.js';
import { patchMetaFor, type PatchMeta } from '../../../src/patch/patch-meta.js';
import { fieldsV1Of, referenceCompare, referenceRecordUpdate } from './managed-fields-reference.js';
import { chance, pick, rng, type Rand } from './seeded-random.js';

const repo = join(import.meta.dirname, '..', '..', '..');

type Obj = Record<string, unknown>;

const many = <T>(r: Rand, max: number, f: () => T): T[] => Array.from({ length: Math.floor(r() * (max + 1)) }, f);

/** Items of a granular list; sometimes an undefined one, sometimes many (sorted and deduplicated another way). */
function items(r: Rand, max: number, f: () => unknown): unknown[] {
  const out = many(r, chance(r, 0.05) ? 80 : max, f);
  if (chance(r, 0.1)) out.splice(Math.floor(r() * (out.length + 1)), 0, undefined);
  return out;
}

/** Any JSON value, sometimes undefined (objects built in memory may hold it). */
function anything(r: Rand, depth = 0): unknown {
  const roll = r();
  if (roll < 0.1) return null;
  if (roll < 0.15) return undefined;
  if (roll < 0.45 || depth > 2) return pick(r, ['x', '', 1, 0, true, 'a"b']);
  if (roll < 0.7) return many(r, 3, () => anything(r, depth + 1));
  return Object.fromEntries(many(r, 3, () => [pick(r, ['a', 'b', 'c', 'name']), anything(r, depth + 1)]));
}

/** Usually `typical`, sometimes any value at all (wrong types included). */
const usually = (r: Rand, typical: () => unknown): unknown => (chance(r, 0.85) ? typical() : anything(r));

/** Keeps some of the fields: each is left out with probability 0.3. */
function some(r: Rand, fields: Record<string, () => unknown>): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(fields)) if (chance(r, 0.7)) out[key] = usually(r, value);
  if (chance(r, 0.2)) out[pick(r, ['unknownField', 'x-extra'])] = anything(r);
  return out;
}

function container(r: Rand): Obj {
  return some(r, {
    name: () => pick(r, ['a', 'b', 'c']),
    image: () => pick(r, ['nginx', 'busybox']),
    ports: () => items(r, 3, () => some(r, { containerPort: () => pick(r, [80, 443]), protocol: () => pick(r, ['TCP', 'UDP']), name: () => 'http' })),
    env: () => many(r, 3, () => some(r, { name: () => pick(r, ['X', 'Y']), value: () => '1', valueFrom: () => ({ fieldRef: { fieldPath: 'a' } }) })),
    args: () => many(r, 2, () => pick(r, ['a', 'b'])),
    resources: () => pick(r, [{}, { requests: { cpu: '1m' } }, { limits: {} }]),
    securityContext: () => pick(r, [null, {}, { runAsUser: 1, capabilities: { add: ['A', 'A'] } }]),
    volumeMounts: () => many(r, 2, () => ({ name: 'v', mountPath: pick(r, ['/a', '/b']) })),
  });
}

function metadata(r: Rand): Obj {
  return some(r, {
    name: () => 'n',
    namespace: () => 'default',
    uid: () => 'u',
    resourceVersion: () => '5',
    generation: () => 1,
    creationTimestamp: () => pick(r, ['2025-01-02T03:04:05Z', null]),
    selfLink: () => '/x',
    labels: () => pick(r, [{}, { app: 'a' }, { app: 'a', tier: 'b' }, Object.fromEntries(many(r, 80, () => [`l${Math.floor(r() * 100)}`, 'x']))]),
    annotations: () => ({ note: 'x' }),
    finalizers: () => items(r, 3, () => pick(r, ['f/a', 'f/b', `f/${Math.floor(r() * 60)}`])),
    ownerReferences: () => many(r, 2, () => some(r, { uid: () => pick(r, ['u1', 'u2']), kind: () => 'ReplicaSet', name: () => 'rs' })),
    managedFields: () => pick(r, [[], [{}], [{ manager: 'x', operation: 'Bogus' }]]),
  });
}

function podSpec(r: Rand): Obj {
  return some(r, {
    containers: () => items(r, 3, () => container(r)),
    initContainers: () => many(r, 1, () => container(r)),
    volumes: () => many(r, 2, () => ({ name: pick(r, ['v', 'w']), emptyDir: {} })),
    nodeSelector: () => ({ a: 'b' }),
    tolerations: () => many(r, 2, () => ({ key: 'k', operator: 'Exists' })),
    restartPolicy: () => 'Always',
    securityContext: () => pick(r, [{}, { runAsUser: 1 }]),
    terminationGracePeriodSeconds: () => 30,
  });
}

function pod(r: Rand): KubeObject {
  const obj = some(r, {
    spec: () => podSpec(r),
    status: () => some(r, { phase: () => 'Pending', conditions: () => many(r, 2, () => ({ type: pick(r, ['Ready', 'Scheduled']), status: 'True' })), podIPs: () => [{ ip: '10.0.0.1' }] }),
  });
  return { ...obj, apiVersion: chance(r, 0.9) ? 'v1' : 'v2', kind: 'Pod', metadata: metadata(r) };
}

function deployment(r: Rand): KubeObject {
  const obj = some(r, {
    spec: () =>
      some(r, {
        replicas: () => pick(r, [1, 2]),
        selector: () => ({ matchLabels: { app: 'd' } }),
        template: () => some(r, { metadata: () => some(r, { labels: () => ({ app: 'd' }) }), spec: () => podSpec(r) }),
        strategy: () => ({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } }),
      }),
    status: () => some(r, { replicas: () => 1, conditions: () => [{ type: 'Available', status: 'True' }] }),
  });
  return { ...obj, apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata(r) };
}

function fastPath(obj: KubeObject, meta: PatchMeta, reset: readonly string[] | undefined): string | undefined {
  const fields = createdFieldsV1(zeroObject(obj, meta), withoutManagedFields(obj), meta, reset);
  return fields && JSON.stringify(fields);
}

/** What recordUpdate's general path takes on a create, as fieldsV1 text. */
function generalPath(obj: KubeObject, meta: PatchMeta, reset: readonly string[] | undefined): string | undefined {
  const c = compare(withoutManagedFields(zeroObject(obj, meta)), withoutManagedFields(obj), meta);
  const taken = withoutResetFields(stripMeta(c.changed), reset);
  return taken.isEmpty() ? undefined : JSON.stringify(taken.toFieldsV1());
}

function referencePath(obj: KubeObject, meta: PatchMeta, reset: readonly string[] | undefined): string | undefined {
  const c = referenceCompare(withoutManagedFields(zeroObject(obj, meta)), withoutManagedFields(obj), meta);
  const taken = withoutResetFields(stripMeta(c.changed), reset);
  return taken.isEmpty() ? undefined : JSON.stringify(fieldsV1Of(taken));
}

/** Fields whose values key list items (or are the items of sets): a variant keeps them, mostly. */
const SHAPING = new Set(['name', 'containerPort', 'protocol', 'mountPath', 'type', 'ip', 'uid', 'key']);

/**
 * A copy of `obj` with other scalar values, and in half the cases one structural change: a member
 * dropped or added, or a list key changed.
 */
function variantOf(r: Rand, obj: KubeObject): KubeObject {
  const structural = chance(r, 0.5);
  let changed = false;
  const visit = (value: unknown, key: string | undefined): unknown => {
    if (Array.isArray(value)) return value.map((v) => visit(v, undefined));
    if (typeof value === 'object' && value !== null) {
      const out: Obj = {};
      for (const [k, v] of Object.entries(value)) {
        if (structural && !changed && !['apiVersion', 'kind', 'metadata'].includes(k) && chance(r, 0.05)) {
          changed = true;
          if (chance(r, 0.5)) continue;
          out[`${k}Extra`] = 'x';
        }
        out[k] = visit(v, k);
      }
      return out;
    }
    if (typeof value === 'string' && key !== undefined && value !== '') {
      if (!SHAPING.has(key)) return `${value}-v`;
      if (structural && !changed && chance(r, 0.2)) {
        changed = true;
        return `${value}-other`;
      }
    }
    return value;
  };
  return visit(obj, undefined) as KubeObject;
}

const RESETS: (readonly string[] | undefined)[] = [undefined, [], ['status'], ['spec'], ['status', 'spec']];

describe('create fieldsV1 written in one walk', () => {
  const metas: Record<string, PatchMeta> = {};
  before(async () => {
    const catalog = await SchemaCatalog.load(join(repo, 'openapi'));
    metas.pod = patchMetaFor(catalog, { group: '', version: 'v1', kind: 'Pod' }) as PatchMeta;
    metas.deployment = patchMetaFor(catalog, { group: 'apps', version: 'v1', kind: 'Deployment' }) as PatchMeta;
  });

  it('writes what the general path encodes, and what the slow reference finds, key order included', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const r = rng(seed);
      const isPod = chance(r, 0.5);
      const obj = isPod ? pod(r) : deployment(r);
      const meta = isPod ? metas.pod : metas.deployment;
      const reset = pick(r, RESETS);
      assert.equal(fastPath(obj, meta, reset), generalPath(obj, meta, reset), `general, seed ${seed}`);
      // The reference does not model undefined values, which objects decoded from JSON never hold.
      const decoded = JSON.parse(JSON.stringify(obj)) as KubeObject;
      assert.equal(fastPath(decoded, meta, reset), referencePath(decoded, meta, reset), `reference, seed ${seed}`);
    }
  });

  it('walks from any old object as compare does, not only from the zero object', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const r = rng(20_000 + seed);
      const isPod = chance(r, 0.5);
      const [before, after] = isPod ? [pod(r), pod(r)] : [deployment(r), deployment(r)];
      const meta = isPod ? metas.pod : metas.deployment;
      const reset = pick(r, RESETS);
      const lhs: Obj = { ...withoutManagedFields(before) };
      // No old metadata: it is marked as a whole, under the strip rules.
      if (chance(r, 0.2)) delete lhs.metadata;
      const rhs = withoutManagedFields(after);
      const fast = createdFieldsV1(lhs, rhs, meta, reset);
      const taken = withoutResetFields(stripMeta(compare(lhs, rhs, meta).changed), reset);
      assert.equal(fast && JSON.stringify(fast), taken.isEmpty() ? undefined : JSON.stringify(taken.toFieldsV1()), `seed ${seed}`);
    }
  });

  it('recordUpdate of a create records the reference entries', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(10_000 + seed);
      const obj = JSON.parse(JSON.stringify(chance(r, 0.5) ? pod(r) : deployment(r))) as KubeObject;
      const meta = obj.kind === 'Pod' ? metas.pod : metas.deployment;
      // Requests whose managedFields decode to no manager: the reference reads only well-formed lists.
      obj.metadata.managedFields = pick(r, [undefined, [], [{}], [{ manager: 'x', operation: 'Bogus' }]]) as KubeObject['metadata']['managedFields'];
      const op = { manager: 'm', apiVersion: 'v1', subresource: pick(r, [undefined, 'status']), time: new Date('2025-01-02T03:04:05Z'), resetFields: pick(r, RESETS) };
      const expected = referenceRecordUpdate(undefined, JSON.parse(JSON.stringify(obj)) as KubeObject, op, meta);
      recordUpdate(undefined, obj, op, meta);
      assert.equal(JSON.stringify(obj.metadata.managedFields), JSON.stringify(expected), `seed ${seed}`);
    }
  });

  it('gives a create of the last create’s shape the very same frozen tree, and any other create its own', () => {
    let shared = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const r = rng(30_000 + seed);
      const isPod = chance(r, 0.5);
      const first = JSON.parse(JSON.stringify(isPod ? pod(r) : deployment(r))) as KubeObject;
      const meta = isPod ? metas.pod : metas.deployment;
      const reset = pick(r, RESETS);
      const firstFields = createdFieldsV1(zeroObject(first, meta), withoutManagedFields(first), meta, reset);
      // Other values (the same tree, mostly), or a near miss: a field more or less, a list key changed.
      const next = variantOf(r, first);
      const fields = createdFieldsV1(zeroObject(next, meta), withoutManagedFields(next), meta, reset);
      const expected = generalPath(next, meta, reset);
      assert.equal(fields && JSON.stringify(fields), expected, `seed ${seed}`);
      if (firstFields && expected === JSON.stringify(firstFields)) {
        assert.equal(fields, firstFields, `seed ${seed}: the same tree is the same object`);
        assert.ok(Object.isFrozen(fields) && Object.isFrozen(Object.values(fields)[0]));
        shared++;
      } else if (fields) assert.notEqual(fields, firstFields);
    }
    assert.ok(shared > 300, `only ${shared} creates of the same shape`);
  });

  it('shares one frozen leaf: writing into fieldsV1 throws rather than changing every entry', () => {
    const fields = createdFieldsV1({}, { a: 1, b: {} }, metas.pod, undefined) as Obj;
    assert.equal(fields['f:a'], fields['f:b']);
    assert.throws(() => {
      (fields['f:a'] as Obj).x = 1;
    }, TypeError);
  });
});
