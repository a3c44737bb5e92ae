// Garbage collection when the server falls idle after a burst of work.
//
// A burst (10,000 pod creates, a few lists of them) leaves tens of MB of garbage in V8's old
// generation: whatever was alive across two scavenges, as in-flight responses are. V8 collects it
// when the heap next grows to its limit, or at idle through its memory reducer, which only arms
// after a mark-compact that grew the committed heap by 10 MB since the reducer last ran. After
// some bursts it never arms: measured with 10,000 pods, the process then stays at ~190 MB RSS
// instead of ~135 MB for as long as it idles, and the next burst pays a mark-compact of all that
// garbage in its latency. So the server watches its own event loop and collects the garbage
// itself once it has been quiet for a while after being busy.
//
// One full GC frees the garbage but compacts only a few MB of fragmented pages, so up to
// MAX_ROUNDS run, one per event-loop turn (a request arriving meanwhile waits for one round,
// ~25 ms), until a round gives back less than 1 MB. `gc` is V8's own, exposed at run time.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

const MB = 1024 * 1024;

export interface IdleCollectionOptions {
  /**
   * How long the event loop must have been quiet. V8 shrinks its young generation in a full GC
   * only when it allocated little over the last 5 seconds, so the default is 6 s.
   */
  quietMs?: number;
  /** How often the event loop's utilization is sampled (default every second). */
  sampleEveryMs?: number;
  /** Growth of the V8 heap since the last collection below which an idle spell is left alone. */
  minGrowthBytes?: number;
  /** Called after each collection (--debug reports it). */
  onCollected?(report: CollectionReport): void;
}

export interface CollectionReport {
  rounds: number;
  /** V8's committed heap before and after. */
  heapBefore: number;
  heapAfter: number;
  ms: number;
}

/** A sample in which the event loop was busier than this is activity. */
const BUSY_UTILIZATION = 0.02;
const MAX_ROUNDS = 4;
const MIN_ROUND_GAIN = MB;

type GC = () => void;

/** V8's gc function: the user's (--expose-gc) or one exposed now, which new contexts get. */
function exposeGC(): GC | undefined {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as GC;
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    // gc stays callable; the flags go back to the ones V8 checks a code cache against (src/cli.ts).
    setFlagsFromString('--no-expose-gc');
    return typeof exposed === 'function' ? (exposed as GC) : undefined;
  } catch {
    return undefined;
  }
}

/** Full GCs until one gives back less than MIN_ROUND_GAIN of committed heap, MAX_ROUNDS at most. */
async function collect(gc: GC): Promise<CollectionReport> {
  const started = performance.now();
  const heapBefore = getHeapStatistics().total_heap_size;
  let committed = heapBefore;
  let rounds = 0;
  while (rounds < MAX_ROUNDS) {
    if (rounds > 0) await nextTurn();
    gc();
    rounds++;
    const now = getHeapStatistics().total_heap_size;
    const gain = committed - now;
    committed = now;
    if (gain < MIN_ROUND_GAIN) break;
  }
  return { rounds, heapBefore, heapAfter: committed, ms: performance.now() - started };
}

/** Starts watching the event loop; returns the stop function. */
export function collectWhenIdle(options: IdleCollectionOptions = {}): () => void {
  const sampleEveryMs = options.sampleEveryMs ?? 1000;
  const quietSamples = Math.ceil((options.quietMs ?? 6000) / sampleEveryMs);
  const minGrowth = options.minGrowthBytes ?? 8 * MB;
  let gc: GC | undefined;
  let lastSample = performance.eventLoopUtilization();
  let busySinceCollection = false;
  let quiet = 0;
  let collecting = false;
  let usedAfterCollection = getHeapStatistics().used_heap_size;
  let stopped = false;
  const timer = setInterval(() => {
    const sample = performance.eventLoopUtilization();
    const utilization = performance.eventLoopUtilization(sample, lastSample).utilization;
    lastSample = sample;
    if (collecting) return;
    if (utilization > BUSY_UTILIZATION) {
      busySinceCollection = true;
      quiet = 0;
      return;
    }
    if (!busySinceCollection || ++quiet < quietSamples) return;
    if (getHeapStatistics().used_heap_size - usedAfterCollection < minGrowth) return;
    gc ??= exposeGC();
    if (!gc) return clearInterval(timer);
    busySinceCollection = false;
    collecting = true;
    collect(gc)
      .then((report) => {
        usedAfterCollection = getHeapStatistics().used_heap_size;
        if (!stopped) options.onCollected?.(report);
      })
      .catch((err: unknown) => process.emitWarning(`garbage collection at idle: ${(err as Error).message}`))
      .finally(() => {
        collecting = false;
        // The collection's own time is not activity.
        lastSample = performance.eventLoopUtilization();
      });
  }, sampleEveryMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
