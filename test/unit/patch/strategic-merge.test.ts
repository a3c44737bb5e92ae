// Golden tests for strategic merge patch: one JSON file per case under strategic/ with the
// original, the patch and the expected result (or error code and message), checked against the
// built-in kinds' OpenAPI patch metadata.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { SchemaCatalog } from '../../../src/openapi/schema-catalog.js';
import { patchMetaFor, type PatchMeta } from '../../../src/patch/patch-meta.js';
import { applyStrategicMergePatch, StrategicMergePatchError } from '../../../src/patch/strategic-merge.js';
import type { GroupVersionKind } from '../../../src/registry/resource.js';

interface GoldenCase {
  description: string;
  gvk?: GroupVersionKind;
  original: unknown;
  patch: unknown;
  expected?: unknown;
  error?: { code: number; message: string };
}

const dir = join(import.meta.dirname, 'strategic');
const repo = join(import.meta.dirname, '..', '..', '..');
const POD: GroupVersionKind = { group: '', version: 'v1', kind: 'Pod' };

describe('strategic merge patch (golden)', () => {
  let catalog: SchemaCatalog;
  const metaOf = (gvk: GroupVersionKind): PatchMeta => {
    const meta = patchMetaFor(catalog, gvk);
    assert.ok(meta, `no schema for ${gvk.kind}`);
    return meta;
  };
  before(async () => {
    catalog = await SchemaCatalog.load(join(repo, 'openapi'));
  });

  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldenCase;
    it(`${file.replace(/\.json$/, '')}: ${c.description}`, () => {
      const originalCopy = structuredClone(c.original);
      const patchCopy = structuredClone(c.patch);
      const run = (): unknown => applyStrategicMergePatch(c.original, c.patch, metaOf(c.gvk ?? POD));
      if (c.error) {
        assert.throws(run, (err: unknown) => {
          assert.ok(err instanceof StrategicMergePatchError);
          assert.equal(err.message, c.error?.message);
          assert.equal(err.code, c.error?.code);
          return true;
        });
      } else {
        assert.deepEqual(run(), c.expected);
      }
      assert.deepEqual(c.original, originalCopy, 'the original is not modified');
      assert.deepEqual(c.patch, patchCopy, 'the patch is not modified');
    });
  }
});
