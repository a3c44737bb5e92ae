// Promises that settle once a revision has been applied (read-your-writes for the cacher), or
// reject after a timeout.

interface Waiter {
  target: number;
  resolve: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class RevisionWaiters {
  readonly #current: () => number;
  readonly #waiters = new Set<Waiter>();

  constructor(current: () => number) {
    this.#current = current;
  }

  wait(target: number, timeoutMs: number): Promise<void> {
    if (this.#current() >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        target,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs}ms waiting for revision ${target} (storage is at ${this.#current()})`));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Call after the current revision moved forward. */
  advanced(): void {
    if (this.#waiters.size === 0) return;
    const current = this.#current();
    for (const w of this.#waiters) {
      if (w.target <= current) this.#settle(w).resolve();
    }
  }

  failAll(err: Error): void {
    for (const w of this.#waiters) this.#settle(w).reject(err);
  }

  #settle(w: Waiter): Waiter {
    clearTimeout(w.timer);
    this.#waiters.delete(w);
    return w;
  }
}
