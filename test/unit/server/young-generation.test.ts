import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const moduleUrl = new URL('../../../src/server/young-generation.ts', import.meta.url).href;
const MB = 1024 * 1024;

/**
 * The largest new space a child process reaches while it allocates objects that survive several
 * scavenges (what makes V8 grow the young generation), with or without the bound.
 */
function largestNewSpace(bounded: boolean, nodeFlags: string[] = []): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { boundYoungGeneration } from ${JSON.stringify(moduleUrl)};
    const stop = ${bounded} ? boundYoungGeneration(4, 5) : () => {};
    const ring = new Array(200_000);
    let largest = 0;
    const deadline = Date.now() + 1500;
    for (let i = 0; Date.now() < deadline; i++) {
      ring[i % ring.length] = { i, text: 'x' + i, list: [i, i + 1] };
      if (i % 5000 === 0) {
        largest = Math.max(largest, getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    stop();
    process.stdout.write(String(largest));
  `;
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    encoding: 'utf8',
    timeout: 20_000,
  });
  return Number(out);
}

describe('young generation bound', () => {
  it('holds the new space at two 4 MB semi-spaces where V8 alone grows it further', () => {
    const unbounded = largestNewSpace(false);
    assert.ok(unbounded > 8 * MB, `without the bound the new space grew to ${unbounded / MB} MB`);
    const bounded = largestNewSpace(true);
    assert.ok(bounded <= 8 * MB, `with the bound the new space reached ${bounded / MB} MB`);
  });

  it('leaves the young generation alone when the user sized it with a node flag, written with - or _', () => {
    for (const flag of ['--max-semi-space-size=16', '--max_semi_space_size=16']) {
      const sizedByUser = largestNewSpace(true, [flag]);
      assert.ok(sizedByUser > 8 * MB, `with ${flag} the new space grew to ${sizedByUser / MB} MB`);
    }
  });
});
