// In-process timing: several contenders take turns, batch by batch, each batch timed as a whole
// (after an untimed `prepare` of the batch's inputs), in the reverse order every other batch so
// that none always runs right after another; the first batch warms the JIT up and is left out.
// The result is each contender's microseconds per op, batch by batch: the host's speed drifts
// (2 shared CPUs), so two contenders are best compared batch with batch (pairedRatio).
import { median } from './stats.js';

export type Contender = (batch: number, i: number) => void | Promise<void>;

export interface Turns {
  contenders: Record<string, Contender>;
  batches: number;
  perBatch: number;
  prepare?(batch: number): void;
}

/** Microseconds per op of each batch but the first, per contender, in batch order. */
export async function timeTurns(turns: Turns): Promise<Record<string, number[]>> {
  const names = Object.keys(turns.contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let b = 0; b < turns.batches; b++) {
    turns.prepare?.(b);
    for (const name of b % 2 === 0 ? names : [...names].reverse()) {
      const op = turns.contenders[name];
      const start = performance.now();
      for (let i = 0; i < turns.perBatch; i++) {
        const pending = op(b, i);
        if (pending) await pending;
      }
      if (b > 0) samples[name].push(((performance.now() - start) * 1000) / turns.perBatch);
    }
  }
  return samples;
}

/** The median over batches of a's time divided by b's in the same batch. */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((t, i) => t / b[i]));
}

/** Each contender's median microseconds per op. */
export function medians(samples: Record<string, number[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(samples).map(([name, times]) => [name, median(times)]));
}
