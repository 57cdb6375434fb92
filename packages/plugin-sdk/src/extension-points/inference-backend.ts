import type { InjectionToken } from 'tsyringe';
import type { z } from 'zod';
import type { Completion, Embeddings, InferenceCapabilities, InferencePrompt } from './inference.schema.js';

/**
 * A language-model backend (an OpenAI-compatible server, a local model…) used for enrichment and suggestions.
 * Register with `ctx.inference.add(name, factory)`.
 */
export interface InferenceBackend {
  /** The version of this interface the implementation follows. */
  readonly apiVersion: 1;

  /** What this backend supports. */
  readonly capabilities: InferenceCapabilities;

  /**
   * Completes a prompt. Without `schema` the output is the text. With `schema` (only when
   * `capabilities.structuredOutput`), the backend asks the model for JSON matching `z.toJSONSchema(schema)` and
   * returns it parsed and validated by `schema`, or throws when the model's answer does not validate.
   * {@link readCompletionOutput} implements the parsing step.
   */
  complete<T = string>(prompt: InferencePrompt, schema?: z.ZodType<T>): Promise<Completion<T>>;

  /** Embeds texts into vectors (only when `capabilities.embeddings`); no texts → no vectors. */
  embed?(texts: readonly string[]): Promise<Embeddings>;
}

/** Resolves every registered {@link InferenceBackend}. */
export const InferenceBackendToken: InjectionToken<InferenceBackend> =
  Symbol.for('warmpath.InferenceBackend');
