// `npm run gen:openapi`: writes openapi/ (the v3 document of every served group version, its
// index with hashes, and the v2 swagger.json) from @kubernetes/client-node's generated models and
// API classes plus scripts/openapi/overlay.ts. The output is committed; a test regenerates it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocuments } from './openapi/documents.js';
import { documentHash, stableJson, type JsonObject } from './openapi/json.js';
import { swaggerV2 } from './openapi/swagger-v2.js';

/** `apis/apps/v1` → `apis__apps__v1.json`, as Kubernetes names its committed v3 specs. */
export function documentFile(gvPath: string): string {
  return `${gvPath.replaceAll('/', '__')}.json`;
}

export async function generate(outDir: string): Promise<void> {
  const clientDist = dirname(fileURLToPath(import.meta.resolve('@kubernetes/client-node')));
  const docs = await buildDocuments(clientDist);
  mkdirSync(join(outDir, 'v3'), { recursive: true });
  mkdirSync(join(outDir, 'v2'), { recursive: true });
  const index: JsonObject = {};
  for (const [gvPath, doc] of [...docs].sort(([a], [b]) => a.localeCompare(b))) {
    const text = stableJson(doc);
    const file = documentFile(gvPath);
    writeFileSync(join(outDir, 'v3', file), text);
    index[gvPath] = { file, hash: documentHash(text) };
  }
  writeFileSync(join(outDir, 'v3', 'index.json'), stableJson(index));
  writeFileSync(join(outDir, 'v2', 'swagger.json'), stableJson(swaggerV2(docs)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'openapi');
  await generate(out);
}
