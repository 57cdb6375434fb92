/** Thrown by {@link withTimeout} when the work did not settle in time. */
export class PluginTimeoutError extends Error {
  override readonly name = 'PluginTimeoutError';

  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`${what} did not answer within ${timeoutMs} ms`);
  }
}

/**
 * Settles with `work`, or rejects with {@link PluginTimeoutError} after `timeoutMs`. Extension point methods take
 * no abort signal, so a hung plugin call is abandoned, not cancelled: the caller moves on and the timer is
 * cleared either way.
 */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PluginTimeoutError(what, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
