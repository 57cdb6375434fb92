/** A set of waiters woken whenever a driver's state changes, so `stop()` and `drain()` can await conditions. */
export class StateChanges {
  private readonly waiters = new Set<() => void>();

  notify(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves on the next `notify()`. */
  next(): Promise<void> {
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  /** Resolves true once `condition()` holds, or false when `timeoutMs` passes first. */
  async waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.next(),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, remaining))),
      ]);
      clearTimeout(timer);
    }
    return true;
  }
}

/** Rejects with `onTimeout()` when `promise` has not settled within `timeoutMs`. */
export async function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Default drain timeout of `stop()`: shorter than Kubernetes' default 30 s grace period minus the HTTP drain. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 25_000;
/** After aborting `ctx.signal`, how long handlers get to notice before the driver stops waiting for them. */
export const ABORT_GRACE_MS = 1_000;
/** How long an idempotency key deduplicates enqueues by default. */
export const DEFAULT_DEDUPLICATION_WINDOW_MS = 24 * 60 * 60 * 1000;
