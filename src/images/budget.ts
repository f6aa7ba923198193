import { AppError } from "../errors";

/**
 * A semaphore by bytes: each thumbnail generation reserves the peak memory its
 * decode will need (computed from the header) before it starts, and waits while
 * the isolate's image budget is taken. An isolate has 128 MB for everything;
 * four people opening four 24 MP photos at once must queue, not crash it.
 *
 * Waiters are served in arrival order, so one large decode is not starved by a
 * stream of small ones. The queue is bounded in length and in time: a request
 * that cannot be admitted soon gets 503 with Retry-After instead of holding a
 * connection open (and its source bytes in memory) indefinitely.
 */
export class MemoryBudget {
  private used = 0;
  /** Memory that stays taken for the isolate's lifetime (a wasm instance's grown memory never shrinks). */
  private retained = 0;
  private readonly waiters: Array<{ bytes: number }> = [];

  constructor(
    readonly capacity: number,
    private readonly maxWaiters: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Bytes a single reservation may ever take here: the capacity minus what is retained for good. */
  get available(): number {
    return this.capacity - this.retained;
  }

  get inUse(): number {
    return this.used;
  }

  /**
   * Reserves `bytes` (waiting if needed) and returns the function that gives
   * them back. Callers must check `bytes <= available` first: a reservation
   * that can never fit is a 413 (or another path), not a wait.
   */
  async acquire(bytes: number): Promise<() => void> {
    if (bytes > this.available) throw busy(`needs ${mb(bytes)} and this isolate has ${mb(this.available)} for images`);
    if (this.waiters.length === 0 && this.used + bytes <= this.available) return this.take(bytes);
    if (this.waiters.length >= this.maxWaiters) throw busy(`${this.waiters.length} thumbnails are already waiting`);
    // Each waiter polls on its own timer rather than being woken by the release:
    // a release runs in another request's context, and workerd does not let one
    // request resume another's work (its I/O would belong to the wrong request).
    const waiter = { bytes };
    this.waiters.push(waiter);
    try {
      for (let waited = 0; waited < this.maxWaitMs; waited += POLL_MS) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (this.waiters[0] === waiter && this.used + bytes <= this.available) return this.take(bytes);
      }
      throw busy(`waited ${this.maxWaitMs / 1000} s for ${mb(bytes)} of image memory`);
    } finally {
      const at = this.waiters.indexOf(waiter);
      if (at >= 0) this.waiters.splice(at, 1);
    }
  }

  /** Records memory that will never be given back (at least `bytes` in total). */
  retainAtLeast(bytes: number): void {
    this.retained = Math.max(this.retained, Math.min(bytes, this.capacity));
  }

  private take(bytes: number): () => void {
    this.used += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
    };
  }
}

const POLL_MS = 20;

function busy(why: string): AppError {
  return new AppError("thumbnailer_busy", `Other thumbnails are being made right now (${why}); try again shortly.`, { "Retry-After": "5" });
}

export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/**
 * 96 of the isolate's 128 MB go to image decodes (wasm memory plus the source
 * bytes a whole-file decoder holds); the rest is the runtime, the modules'
 * code and the requests in flight. Eight waiters at most, for 10 seconds.
 */
export const IMAGE_MEMORY_BYTES = 96 * 2 ** 20;
export const imageBudget = new MemoryBudget(IMAGE_MEMORY_BYTES, 8, 10_000);
