// A de-duplicating work queue with one worker and per-key retry delays, as client-go's
// rate-limited queue is used by level-based controllers: a key queued while it is being worked
// on is worked on again afterwards, never twice at once.

export type Reconcile = (key: string) => Promise<{ retryAfterMs?: number } | void>;

export class WorkQueue {
  readonly #pending = new Set<string>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #reconcile: Reconcile;
  readonly #onError: (key: string, err: unknown) => void;
  #running = false;
  #stopped = false;

  constructor(reconcile: Reconcile, onError: (key: string, err: unknown) => void) {
    this.#reconcile = reconcile;
    this.#onError = onError;
  }

  add(key: string): void {
    if (this.#stopped) return;
    this.#pending.add(key);
    void this.#drain();
  }

  addAfter(key: string, delayMs: number): void {
    if (this.#stopped || this.#timers.has(key)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(key);
      this.add(key);
    }, delayMs);
    timer.unref();
    this.#timers.set(key, timer);
  }

  stop(): void {
    this.#stopped = true;
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    this.#pending.clear();
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      while (!this.#stopped && this.#pending.size) {
        const key = this.#pending.values().next().value as string;
        this.#pending.delete(key);
        try {
          const result = await this.#reconcile(key);
          if (result?.retryAfterMs !== undefined) this.addAfter(key, result.retryAfterMs);
        } catch (err) {
          this.#onError(key, err);
          this.addAfter(key, 1000);
        }
        // A reconcile that only awaits promises would otherwise keep I/O (requests) waiting.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.#running = false;
    }
  }
}
