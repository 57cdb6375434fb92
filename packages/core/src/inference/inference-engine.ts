import {
  type Completion,
  CompletionOutputError,
  type Embeddings,
  EmbeddingsSchema,
  type InferenceBackend,
  type InferencePrompt,
  InferencePromptSchema,
  type RegisteredImplementation,
  readCompletionOutput,
} from '@warmpath/plugin-sdk';
import type { z } from 'zod';
import { parseInput } from '../errors.js';
import {
  asError,
  findImplementation,
  type ImplementationResolver,
  type PluginFailureListener,
} from '../plugin-points/implementation-resolver.js';
import { PluginTimeoutError, withTimeout } from '../plugin-points/with-timeout.js';
import { BackendLimiter } from './backend-limiter.js';
import {
  InferenceBackendError,
  InferenceRateLimitedError,
  InferenceTimeoutError,
  InferenceUnsupportedError,
  NoInferenceBackendError,
} from './inference-errors.js';
import { checkPromptFits, DEFAULT_INFERENCE_LIMITS, type InferenceLimits } from './inference-limits.js';

/** Options of {@link InferenceEngine}. */
export interface InferenceEngineOptions {
  backends: ImplementationResolver<InferenceBackend>;
  /** Overrides {@link DEFAULT_INFERENCE_LIMITS} field by field. */
  limits?: Partial<InferenceLimits>;
  /**
   * Told about failures the call itself did not throw: junk answers and timeouts (thrown errors are counted by
   * the host's plugin health instrumentation already).
   */
  onFailure?: PluginFailureListener;
  /** Milliseconds now, for the rate limit (tests). */
  now?: () => number;
}

/** What `complete` and `embed` take besides their input. */
export interface InferenceCallOptions {
  /** The backend's key, or a name only one backend has; default: the first backend loaded. */
  backendKey?: string;
}

/** Options of `complete`. */
export interface CompleteOptions<T> extends InferenceCallOptions {
  /** Asks for JSON validated by this schema; an answer that does not validate is asked for once more. */
  schema?: z.ZodType<T>;
}

/** A completion with the backend that produced it. */
export type InferenceCompletion<T> = Completion<T> & { backendKey: string };

/**
 * Calls inference backends within limits (docs/plugins-engines-and-health.md "Inference"): a timeout per call,
 * a prompt size that fits the backend's context with room for the answer, a concurrency cap and a per-minute rate
 * per backend, and one retry when the answer does not match the schema asked for.
 */
export class InferenceEngine {
  private readonly limits: InferenceLimits;
  private readonly limiters = new Map<string, BackendLimiter>();

  constructor(private readonly options: InferenceEngineOptions) {
    this.limits = { ...DEFAULT_INFERENCE_LIMITS, ...options.limits };
  }

  /** Completes a prompt as text, or, with `schema`, as a validated value. */
  async complete<T = string>(
    prompt: InferencePrompt,
    options: CompleteOptions<T> = {},
  ): Promise<InferenceCompletion<T>> {
    const input = parseInput(InferencePromptSchema, prompt);
    const backend = this.pick(options.backendKey);
    checkPromptFits(input, backend.impl.capabilities, this.limits);
    const { schema } = options;
    if (!schema) {
      const completion = await this.call(backend, () => backend.impl.complete(input));
      return { ...completion, output: completion.text as T, backendKey: backend.key };
    }
    // A backend without structured output still answers text: the engine reads the JSON out of it itself.
    const structured = backend.impl.capabilities.structuredOutput;
    let lastProblem = '';
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      let completion: Completion<unknown>;
      try {
        completion = await this.call(backend, () =>
          structured ? backend.impl.complete(input, schema) : backend.impl.complete(input),
        );
      } catch (error) {
        // The backend's own schema check failed (it threw): worth one more try, like junk returned.
        if (error instanceof InferenceBackendError && error.cause instanceof CompletionOutputError) {
          lastProblem = error.cause.message;
          continue;
        }
        throw error;
      }
      const output = this.readOutput(completion, schema, structured);
      if (output.ok) return { ...completion, output: output.value, backendKey: backend.key };
      lastProblem = output.problem;
      this.options.onFailure?.({
        key: backend.key,
        error: new CompletionOutputError(output.problem, completion.text),
      });
    }
    throw new InferenceBackendError(
      backend.key,
      `its answer did not match the schema twice (${lastProblem})`,
    );
  }

  /** Embeds texts, one vector per text in order; no texts → no vectors and no call. */
  async embed(
    texts: readonly string[],
    options: InferenceCallOptions = {},
  ): Promise<Embeddings & { backendKey: string }> {
    const backend = this.pick(options.backendKey);
    const embed = backend.impl.embed?.bind(backend.impl);
    if (!backend.impl.capabilities.embeddings || !embed) {
      throw new InferenceUnsupportedError(`Inference backend "${backend.key}" does not embed texts`);
    }
    if (texts.length === 0) return { vectors: [], backendKey: backend.key };
    checkPromptFits(texts.join('\n'), backend.impl.capabilities, { ...this.limits, maxOutputTokens: 0 });
    const answer = await this.call(backend, () => embed([...texts]));
    const parsed = EmbeddingsSchema.safeParse(answer);
    const problem = !parsed.success
      ? `its answer is not embeddings (${parsed.error.message})`
      : parsed.data.vectors.length !== texts.length
        ? `it answered ${parsed.data.vectors.length} vectors for ${texts.length} texts`
        : new Set(parsed.data.vectors.map((vector) => vector.length)).size > 1
          ? 'its vectors differ in length'
          : undefined;
    if (problem !== undefined || !parsed.success) {
      const error = new InferenceBackendError(backend.key, problem ?? 'invalid embeddings');
      this.options.onFailure?.({ key: backend.key, error });
      throw error;
    }
    return { ...parsed.data, backendKey: backend.key };
  }

  private pick(backendKey: string | undefined): RegisteredImplementation<InferenceBackend> {
    const backend =
      backendKey === undefined
        ? this.options.backends.list()[0]
        : findImplementation(this.options.backends, backendKey);
    if (backend) return backend;
    throw new NoInferenceBackendError(
      backendKey === undefined
        ? 'No inference backend is configured: load a plugin that adds one'
        : `No inference backend "${backendKey}" is loaded`,
    );
  }

  private readOutput<T>(
    completion: Completion<unknown>,
    schema: z.ZodType<T>,
    structured: boolean,
  ): { ok: true; value: T } | { ok: false; problem: string } {
    if (!structured) {
      try {
        return { ok: true, value: readCompletionOutput(completion.text, schema) };
      } catch (error) {
        return { ok: false, problem: asError(error).message };
      }
    }
    // Checked again here: a backend may return without validating, whatever its contract says.
    const parsed = schema.safeParse(completion.output);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, problem: `the output does not match the schema: ${parsed.error.message}` };
  }

  /** Runs one backend call within the rate limit, a concurrency slot and the timeout. */
  private async call<R>(
    backend: RegisteredImplementation<InferenceBackend>,
    work: () => Promise<R>,
  ): Promise<R> {
    const limiter = this.limiterFor(backend.key);
    const retryAfterMs = limiter.takeRateSlot();
    if (retryAfterMs > 0) {
      throw new InferenceRateLimitedError(
        `Inference backend "${backend.key}" allows ${this.limits.maxCallsPerMinutePerBackend} calls a minute`,
        retryAfterMs,
      );
    }
    let release: (() => void) | undefined;
    let isAbandoned = false;
    const run = (async () => {
      release = await limiter.acquire();
      // Timed out while waiting for the slot: the caller is gone, do not spend a call on nobody.
      if (isAbandoned) {
        release();
        throw new PluginTimeoutError(backend.key, this.limits.timeoutMs);
      }
      try {
        return await work();
      } finally {
        release();
      }
    })();
    // After a timeout nobody awaits `run`; its eventual rejection must not surface as unhandled.
    run.catch(() => {});
    try {
      return await withTimeout(run, this.limits.timeoutMs, `Inference backend "${backend.key}"`);
    } catch (error) {
      if (error instanceof PluginTimeoutError) {
        // The hung call cannot be cancelled (no abort signal in the interface); free its slot so one stuck
        // request does not block the backend for good.
        isAbandoned = true;
        release?.();
        const timeout = new InferenceTimeoutError(error.message);
        this.options.onFailure?.({ key: backend.key, error: timeout });
        throw timeout;
      }
      throw new InferenceBackendError(backend.key, asError(error).message, { cause: error });
    }
  }

  private limiterFor(key: string): BackendLimiter {
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new BackendLimiter(
        {
          maxConcurrent: this.limits.maxConcurrentPerBackend,
          maxPerMinute: this.limits.maxCallsPerMinutePerBackend,
        },
        this.options.now,
      );
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}
