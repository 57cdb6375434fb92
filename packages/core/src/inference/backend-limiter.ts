/** Limits of one backend. */
export interface BackendLimits {
  /** Calls running at the same time; further calls wait for a slot. */
  maxConcurrent: number;
  /** Calls started per rolling minute; further calls are refused, not queued (they would only pile up). */
  maxPerMinute: number;
}

const MINUTE_MS = 60_000;

/**
 * A concurrency cap and a rolling one-minute rate limit for one backend, in this process. Local models choke on
 * parallel requests and hosted APIs bill and throttle per minute; either way the engine, not the plugin, keeps
 * Warmpath within bounds.
 */
export class BackendLimiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly starts: number[] = [];

  constructor(
    private readonly limits: BackendLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another call may start, 0 when one may start now; counts the call when it may. */
  takeRateSlot(): number {
    const now = this.now();
    while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - MINUTE_MS) this.starts.shift();
    if (this.starts.length >= this.limits.maxPerMinute) {
      return (this.starts[0] ?? now) + MINUTE_MS - now;
    }
    this.starts.push(now);
    return 0;
  }

  /** Resolves with a release function once a slot is free. */
  async acquire(): Promise<() => void> {
    if (this.running >= this.limits.maxConcurrent) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.waiting.shift()?.();
    };
  }
}
