// Small statistics over latency samples (milliseconds).

/** Nearest-rank percentile, `p` in 0..100. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function minimum(samples: readonly number[]): number {
  return samples.length === 0 ? NaN : Math.min(...samples);
}
