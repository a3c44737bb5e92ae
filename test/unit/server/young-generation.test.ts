import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const moduleUrl = new URL('../../../src/server/young-generation.ts', import.meta.url).href;
const MB = 1024 * 1024;

/**
 * The new space a child process keeps once it has allocated objects that survive several
 * scavenges (what makes V8 grow the young generation), with or without the bound: its size after
 * a last scavenge. Sampling the largest size seen would not do: Node 24's V8 may allocate past the
 * new space's capacity between scavenges (--separate-gc-phases), which the next scavenge gives back.
 */
function newSpaceKept(bounded: boolean, nodeFlags: string[] = []): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { boundYoungGeneration } from ${JSON.stringify(moduleUrl)};
    const stop = ${bounded} ? boundYoungGeneration(4) : () => {};
    const ring = new Array(200_000);
    const deadline = Date.now() + 1500;
    for (let i = 0; Date.now() < deadline; i++) {
      ring[i % ring.length] = { i, text: 'x' + i, list: [i, i + 1] };
      // A turn of the event loop every 1,000 objects, as a server's requests give it: the bound is
      // checked after a GC, between turns, so one turn must not allocate a whole semi-space.
      if (i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    gc({ type: 'minor' });
    stop();
    process.stdout.write(String(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size));
  `;
  const out = execFileSync(process.execPath, [...nodeFlags, '--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    encoding: 'utf8',
    timeout: 20_000,
  });
  return Number(out);
}

describe('young generation bound', () => {
  it('holds the new space at two 4 MB semi-spaces where V8 alone grows it further', () => {
    const unbounded = newSpaceKept(false);
    assert.ok(unbounded > 8 * MB, `without the bound the new space grew to ${unbounded / MB} MB`);
    const bounded = newSpaceKept(true);
    assert.ok(bounded <= 8 * MB, `with the bound the new space reached ${bounded / MB} MB`);
  });

  it('leaves the young generation alone when the user sized it with a node flag, written with - or _', () => {
    for (const flag of ['--max-semi-space-size=16', '--max_semi_space_size=16']) {
      const sizedByUser = newSpaceKept(true, [flag]);
      assert.ok(sizedByUser > 8 * MB, `with ${flag} the new space grew to ${sizedByUser / MB} MB`);
    }
  });
});
