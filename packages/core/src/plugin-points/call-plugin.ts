import type { z } from 'zod';

/** How a call into a plugin went wrong. */
export type PluginCallFailureKind = 'threw' | 'timed_out' | 'invalid_result';

/** last_error columns are for people reading them; keep them bounded. */
const MAX_MESSAGE_LENGTH = 2000;

/**
 * A plugin method threw, did not answer in time, or answered something its extension point does not allow. Engines
 * record `message` (the sync state's or payout's `last_error`) and let the job retry when `retryable`.
 */
export class PluginCallError extends Error {
  override readonly name = 'PluginCallError';

  constructor(
    readonly failure: PluginCallFailureKind,
    readonly implementationKey: string,
    message: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message.slice(0, MAX_MESSAGE_LENGTH), options);
  }
}

/** What {@link callPlugin} needs. */
export interface PluginCall<Schema extends z.ZodType> {
  /** The implementation key, for messages. */
  key: string;
  /** The method, for messages: `upsertReferral`, `issue`… */
  method: string;
  /** A call that does not settle within this many milliseconds fails as `timed_out`. */
  timeoutMs: number;
  /** Validates the answer: a plugin is third-party code, its answer is input like any other. */
  schema: Schema;
  /** Whether an invalid answer may be retried (safe when the call is idempotent and the fault may be transient). */
  retryInvalidResult: boolean;
  call(): Promise<unknown>;
}

/**
 * Calls a plugin method with a timeout and validates what it answers; every failure becomes a
 * {@link PluginCallError}. A hung call is abandoned, not cancelled (the SDK's methods take no signal): its late
 * answer is ignored, which is safe because every method the engines call is idempotent.
 */
export async function callPlugin<Schema extends z.ZodType>(
  call: PluginCall<Schema>,
): Promise<z.output<Schema>> {
  const where = `${call.key} ${call.method}()`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new PluginCallError('timed_out', call.key, `${where} timed out after ${call.timeoutMs} ms`, true),
        ),
      call.timeoutMs,
    );
  });
  let answer: unknown;
  try {
    answer = await Promise.race([Promise.resolve().then(call.call), timeout]);
  } catch (error) {
    if (error instanceof PluginCallError) throw error;
    throw new PluginCallError('threw', call.key, `${where} failed: ${describe(error)}`, true, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  const parsed = call.schema.safeParse(answer);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new PluginCallError(
      'invalid_result',
      call.key,
      `${where} returned an invalid result: ${problems}`,
      call.retryInvalidResult,
    );
  }
  return parsed.data;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
