import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/api/types.js';
import type { StoredObject } from '../../../src/storage/interfaces.js';
import { builtinResources } from '../../../src/registry/builtin.js';
import { tableChunks, toTable, type IncludeObject } from '../../../src/server/table.js';

const pods = builtinResources.find((d) => d.group === '' && d.plural === 'pods')!;
const now = new Date('2026-11-29T12:00:00Z');

function pod(i: number, padding = 0): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${i}`, namespace: 'ns', resourceVersion: String(i + 1), creationTimestamp: '2026-11-29T11:00:00Z', annotations: { pad: 'x'.repeat(padding) } },
    spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: i % 2 ? 'node-1' : undefined },
    status: { phase: 'Running', podIP: `10.0.0.${i % 250}` },
  };
}

const version = (obj: KubeObject): StoredObject => ({
  key: `/registry/pods/ns/${obj.metadata.name}`,
  labels: obj.metadata.labels,
  object: obj,
  scan: () => obj,
  json: undefined,
  itemOffset: 0,
});

describe('Table lists in chunks', () => {
  for (const includeObject of ['Metadata', 'Object', 'None'] as IncludeObject[]) {
    it(`writes what toTable serializes to (includeObject=${includeObject})`, () => {
      const objects = Array.from({ length: 5 }, (_, i) => pod(i));
      const options = { version: 'v1', includeObject, noHeaders: false, now };
      const chunks = [...tableChunks(pods, objects.map(version), { resourceVersion: '9' }, options)];
      assert.equal(Buffer.concat(chunks).toString(), JSON.stringify(toTable(pods, objects, { resourceVersion: '9' }, options)));
    });
  }

  it('cuts a long table into several chunks whose concatenation is the table', () => {
    const objects = Array.from({ length: 400 }, (_, i) => pod(i, 2000));
    const options = { version: 'v1', includeObject: 'Metadata' as const, noHeaders: false, now };
    const chunks = [...tableChunks(pods, objects.map(version), {}, options)];
    assert.ok(chunks.length > 2);
    assert.equal(Buffer.concat(chunks).toString(), JSON.stringify(toTable(pods, objects, {}, options)));
  });

  it('writes an empty table', () => {
    const options = { version: 'v1beta1', includeObject: 'None' as const, noHeaders: false, now };
    assert.equal(Buffer.concat([...tableChunks(pods, [], {}, options)]).toString(), JSON.stringify(toTable(pods, [], {}, options)));
  });
});
