// A bound on V8's young generation for the server process.
//
// V8 doubles the new space (two semi-spaces, up to 16 MB each on 64-bit Node 20, 64 MB on 24)
// whenever much of it survives a scavenge, as it does under a burst of writes, and keeps it at
// that size while the process lives. Measured with 10,000 pod creates: semi-spaces held at 8 MB cost no
// throughput and take ~20 MB less RSS; scavenge pauses get shorter too. Node takes the bound only
// as a command-line flag (--max-semi-space-size), which `node dist/cli.js start` does not carry,
// so the server stops the growth itself: once the new space reaches the bound it sets V8's growth
// factor to 1, and back to V8's default 2 if a memory-reducing GC shrank the space meanwhile.
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const MB = 1024 * 1024;
const DEFAULT_GROWTH_FACTOR = 2;
/** Flags with which the user sized the young generation themselves (V8 takes - or _ alike). */
const USER_FLAGS = /--(max[-_]semi[-_]space[-_]size|semi[-_]space[-_]growth[-_]factor|max[-_]young[-_]generation[-_]size)\b/;

function sizedByUser(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => USER_FLAGS.test(arg));
}

/**
 * The capacity of one semi-space: what is allocated in it and what is left. Not the new space's
 * space_size: a memory-reducing GC uncommits the from-space, which halves space_size while the
 * capacity, and so the size the next doubling gives, stays.
 */
export function semiSpaceCapacity(): number | undefined {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return space && space.space_used_size + space.space_available_size;
}

/**
 * Holds each semi-space at `maxSemiSpaceMB` or less. The space only grows at the end of a GC, so
 * the size is checked after each one (a timer was not enough: on a loaded machine a burst of
 * allocation could let V8 double twice between two of its ticks). Returns the stop function.
 */
export function boundYoungGeneration(maxSemiSpaceMB = 8): () => void {
  if (sizedByUser()) return () => {};
  const bound = maxSemiSpaceMB * MB;
  let held = false;
  const afterGC = new PerformanceObserver(() => {
    const capacity = semiSpaceCapacity();
    // Held once a doubling would pass the bound (a semi-space's capacity is a little under its size).
    if (capacity === undefined || 2 * capacity > bound === held) return;
    held = !held;
    setFlagsFromString(`--semi-space-growth-factor=${held ? 1 : DEFAULT_GROWTH_FACTOR}`);
  });
  afterGC.observe({ entryTypes: ['gc'] });
  return () => afterGC.disconnect();
}
