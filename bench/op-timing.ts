// In-process timing: several contenders take turns, batch by batch, each batch timed as a whole
// (after an untimed `prepare` of the batch's inputs); the first batch warms the JIT up and is left
// out; the result is each contender's median microseconds per op.
import { median } from './stats.js';

export type Contender = (batch: number, i: number) => void | Promise<void>;

export interface Turns {
  contenders: Record<string, Contender>;
  batches: number;
  perBatch: number;
  prepare?(batch: number): void;
}

export async function timeTurns(turns: Turns): Promise<Record<string, number>> {
  const names = Object.keys(turns.contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let b = 0; b < turns.batches; b++) {
    turns.prepare?.(b);
    for (const name of names) {
      const op = turns.contenders[name];
      const start = performance.now();
      for (let i = 0; i < turns.perBatch; i++) {
        const pending = op(b, i);
        if (pending) await pending;
      }
      if (b > 0) samples[name].push(((performance.now() - start) * 1000) / turns.perBatch);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}
