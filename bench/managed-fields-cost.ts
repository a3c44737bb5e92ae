// The managedFields bookkeeping of the store alone, in process: PUTs of a 20-container Deployment
// (get, change one image, update, as an in-process controller does) through two registries that
// differ only in StoreContext.recordManagedFields. No HTTP, no decoding, no LevelDB: the share of
// the bookkeeping in this path is larger than in a request's (managed-fields-http.ts carries the
// issue's target, on requests).
import { join } from 'node:path';
import type { KubeObject } from '../src/api/types.js';
import { Registry } from '../src/registry/registry.js';
import { builtinResources } from '../src/registry/builtin.js';
import { openStorage } from '../src/storage/index.js';
import { SchemaCatalog } from '../src/openapi/schema-catalog.js';
import { patchMetaFor } from '../src/patch/patch-meta.js';
import type { GenericStore, StoreContext } from '../src/registry/store.js';
import { CONTAINERS, deployment20 } from './deployment20.js';
import { REPO_ROOT } from './kubefake-child.js';
import { medians, pairedRatio, timeTurns } from './op-timing.js';
import { microseconds, perSecond, type Row } from './report.js';

const BATCHES = 16;
const PER_BATCH = 200;
/** PUTs per store before the timed batches: the JIT optimizes the bookkeeping's code over more than one batch. */
const WARM_UP = 1_000;
const NAME = 'bookkeeping';

async function deploymentStore(recordManagedFields: boolean, catalog: SchemaCatalog): Promise<GenericStore> {
  const ctx: StoreContext = {
    storage: await openStorage({ kind: 'memory' }),
    now: () => new Date(),
    patchMeta: (def) => patchMetaFor(catalog, { group: def.group, version: def.version, kind: def.kind }),
    recordManagedFields,
  };
  const store = new Registry(builtinResources, ctx).store('apps', 'deployments');
  await store.create('default', deployment20(NAME, 0) as KubeObject, { dryRun: false, fieldManager: 'bench-create' });
  return store;
}

type Containers = { image: string }[];
interface DeploymentShape {
  spec: { template: { spec: { containers: Containers } } };
}

/**
 * GET, a new image for the first container, PUT: the whole object with its managedFields, as
 * client-go sends it. The body shares the stored object's parts (the store copies its input), so
 * the client's side of the work stays out of the timing.
 */
async function put(store: GenericStore, version: number): Promise<void> {
  const current = store.get('default', NAME);
  const { spec } = current as unknown as DeploymentShape;
  const [first, ...rest] = spec.template.spec.containers;
  const containers = [{ ...first, image: `registry.example/app-0:v${version}` }, ...rest];
  const body = { ...current, spec: { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, containers } } } };
  await store.update('default', NAME, body, { dryRun: false, fieldManager: 'bench-put' });
}

export async function managedFieldsCostRows(): Promise<Row[]> {
  const catalog = await SchemaCatalog.load(join(REPO_ROOT, 'openapi'));
  const [withFields, without] = [await deploymentStore(true, catalog), await deploymentStore(false, catalog)];
  const stored = withFields.get('default', NAME).metadata.managedFields?.length ?? 0;
  if (stored === 0 || without.get('default', NAME).metadata.managedFields) throw new Error('the two stores do not differ in managedFields');
  for (let i = 1; i <= WARM_UP; i++) {
    await put(withFields, i);
    await put(without, i);
  }
  const samples = await timeTurns({
    contenders: {
      with: (b, i) => put(withFields, 1 + WARM_UP + b * PER_BATCH + i),
      without: (b, i) => put(without, 1 + WARM_UP + b * PER_BATCH + i),
    },
    batches: BATCHES,
    perBatch: PER_BATCH,
  });
  await Promise.all([withFields.storage.close(), without.storage.close()]);
  const times = medians(samples);
  const slower = pairedRatio(samples.with, samples.without) - 1;
  return [
    {
      metric: `the store alone, in process: PUT/s of a ${CONTAINERS}-container Deployment with managedFields recorded vs not (after ${WARM_UP.toLocaleString('en-US')} unmeasured each)`,
      kubefake: `${perSecond(1e6 / times.with)} vs ${perSecond(1e6 / times.without)} (${microseconds(times.with)} vs ${microseconds(times.without)}; median of the batches' ratios: ${(slower * 100).toFixed(1)}% slower)`,
    },
  ];
}
