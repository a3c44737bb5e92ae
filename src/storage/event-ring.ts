// A bounded, revision-ordered buffer of recent events with live subscribers: the history a watch
// replays before it streams. Backends keep one of KVEvents, the cacher one of StoredEvents.
//
// Ordering: push() appends and then calls every subscriber synchronously, in subscription order.
// subscribe() replays the retained events after fromRev and registers in the same synchronous
// step, so a subscriber sees every event after fromRev exactly once, in revision order.

export interface RingAccessors<T> {
  revisionOf(e: T): number;
  keyOf(e: T): string;
}

interface Subscriber<T> {
  prefix: string;
  onEvent: (e: T) => void;
  onError?: (err: Error) => void;
  active: boolean;
}

export class EventRing<T> {
  readonly #capacity: number;
  readonly #accessors: RingAccessors<T>;
  readonly #buf: T[] = [];
  #head = 0;
  #count = 0;
  #compacted: number;
  #subscribers: Subscriber<T>[] = [];

  /** Events with revision <= compactedRevision are not retained (they predate the ring). */
  constructor(capacity: number, compactedRevision: number, accessors: RingAccessors<T>) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`event ring capacity must be a positive integer, got ${capacity}`);
    this.#capacity = capacity;
    this.#compacted = compactedRevision;
    this.#accessors = accessors;
  }

  /** Every event with a revision above this one is retained. */
  get compactedRevision(): number {
    return this.#compacted;
  }

  push(e: T): void {
    if (this.#count === this.#capacity) {
      this.#compacted = this.#accessors.revisionOf(this.#buf[this.#head]);
      this.#buf[this.#head] = e;
      this.#head = (this.#head + 1) % this.#capacity;
    } else {
      this.#buf[(this.#head + this.#count) % this.#capacity] = e;
      this.#count++;
    }
    // A copy: a subscriber added by a callback has already replayed e and must not get it twice.
    for (const s of this.#subscribers.slice()) {
      if (s.active && this.#accessors.keyOf(e).startsWith(s.prefix)) this.#deliver(s, e);
    }
  }

  /** The retained event written at exactly `revision`. */
  find(revision: number): T | undefined {
    const i = this.#firstAfter(revision - 1);
    if (i === this.#count) return undefined;
    const e = this.#at(i);
    return this.#accessors.revisionOf(e) === revision ? e : undefined;
  }

  /**
   * Replays retained events under prefix with revision > fromRev, then streams new ones. The
   * caller checks fromRev >= compactedRevision first. A callback that throws is unsubscribed and
   * its error goes to onError. Returns the cancel function.
   */
  subscribe(prefix: string, fromRev: number, onEvent: (e: T) => void, onError?: (err: Error) => void): () => void {
    const s: Subscriber<T> = { prefix, onEvent, onError, active: true };
    for (let i = this.#firstAfter(fromRev); i < this.#count && s.active; i++) {
      const e = this.#at(i);
      if (this.#accessors.keyOf(e).startsWith(prefix)) this.#deliver(s, e);
    }
    if (s.active) this.#subscribers.push(s);
    return () => this.#unsubscribe(s);
  }

  /** The retained events under prefix with revision > fromRev, oldest first. */
  since(prefix: string, fromRev: number): T[] {
    const out: T[] = [];
    for (let i = this.#firstAfter(fromRev); i < this.#count; i++) {
      const e = this.#at(i);
      if (this.#accessors.keyOf(e).startsWith(prefix)) out.push(e);
    }
    return out;
  }

  /** Drops every subscriber (on close). */
  clearSubscribers(): void {
    for (const s of this.#subscribers) s.active = false;
    this.#subscribers = [];
  }

  #deliver(s: Subscriber<T>, e: T): void {
    try {
      s.onEvent(e);
    } catch (err) {
      this.#unsubscribe(s);
      s.onError?.(err instanceof Error ? err : new Error(String(err)));
    }
  }

  #unsubscribe(s: Subscriber<T>): void {
    if (!s.active) return;
    s.active = false;
    this.#subscribers = this.#subscribers.filter((x) => x !== s);
  }

  #at(i: number): T {
    return this.#buf[(this.#head + i) % this.#capacity];
  }

  /** Index (0 = oldest) of the first retained event with revision > rev; #count when none. */
  #firstAfter(rev: number): number {
    let lo = 0;
    let hi = this.#count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#accessors.revisionOf(this.#at(mid)) <= rev) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
