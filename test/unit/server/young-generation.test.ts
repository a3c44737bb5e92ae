import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const moduleUrl = new URL('../../../src/server/young-generation.ts', import.meta.url).href;
const MB = 1024 * 1024;

/**
 * The semi-space capacity a child process keeps once it has allocated objects that survive
 * several scavenges (what makes V8 grow the young generation), with or without the bound: after a
 * last scavenge. Sampling the largest size seen would not do: Node 24's V8 may allocate past the
 * new space's capacity between scavenges (--separate-gc-phases), which the next scavenge gives back.
 */
function semiSpaceKept(bounded: boolean, nodeFlags: string[] = []): number {
  const script = `
    import { boundYoungGeneration, semiSpaceCapacity } from ${JSON.stringify(moduleUrl)};
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
    process.stdout.write(String(semiSpaceCapacity()));
  `;
  const out = execFileSync(process.execPath, [...nodeFlags, '--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    encoding: 'utf8',
    timeout: 20_000,
  });
  return Number(out);
}

describe('young generation bound', () => {
  it('holds a semi-space at 4 MB where V8 alone grows it further', () => {
    const unbounded = semiSpaceKept(false);
    assert.ok(unbounded > 4 * MB, `without the bound a semi-space grew to ${unbounded / MB} MB`);
    const bounded = semiSpaceKept(true);
    assert.ok(bounded <= 4 * MB, `with the bound a semi-space reached ${bounded / MB} MB`);
  });

  it('leaves the young generation alone when the user sized it with a node flag, written with - or _', () => {
    for (const flag of ['--max-semi-space-size=16', '--max_semi_space_size=16']) {
      const sizedByUser = semiSpaceKept(true, [flag]);
      assert.ok(sizedByUser > 4 * MB, `with ${flag} a semi-space grew to ${sizedByUser / MB} MB`);
    }
  });
});
