import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/**
 * Polls `condition` until it holds (it may be async), failing with `message` after `timeoutMs`. Tests wait on
 * observable outcomes instead of fixed sleeps, so they are fast when the machine is and patient when it is not.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<void> {
  const { timeoutMs = 10_000, intervalMs = 10, message = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}`);
    await sleep(intervalMs);
  }
}
