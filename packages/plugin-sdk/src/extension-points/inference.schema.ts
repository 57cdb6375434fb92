import { z } from 'zod';

/** Validates an {@link InferenceCapabilities}. */
export const InferenceCapabilitiesSchema = z.object({
  /** `complete(prompt, schema)` returns output validated against the schema. */
  structuredOutput: z.boolean(),
  /** `embed(texts)` is implemented. */
  embeddings: z.boolean(),
  /** Prompt + completion token budget, when known. */
  maxContextTokens: z.number().int().positive().nullable(),
});
/** What an inference backend can do; callers check it before using optional features. */
export type InferenceCapabilities = z.infer<typeof InferenceCapabilitiesSchema>;

/** Validates an {@link InferenceMessage}. */
export const InferenceMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
});
/** One turn of a conversation. */
export type InferenceMessage = z.infer<typeof InferenceMessageSchema>;

/** Validates an {@link InferencePrompt}. */
export const InferencePromptSchema = z.union([
  z.string().min(1),
  z.object({ system: z.string().optional(), messages: z.array(InferenceMessageSchema).min(1) }),
]);
/** A single user message, or a system instruction with a conversation. */
export type InferencePrompt = z.infer<typeof InferencePromptSchema>;

/** Validates a {@link TokenUsage}. */
export const TokenUsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
});
/** Tokens a call consumed, when the backend reports them. */
export type TokenUsage = z.infer<typeof TokenUsageSchema>;

/** The answer of `complete()`. */
export interface Completion<T> {
  /** The text, or the value parsed and validated against the schema passed to `complete()`. */
  output: T;
  /** The raw text the model produced. */
  text: string;
  /** The model that answered, when known. */
  model?: string;
  usage?: TokenUsage;
}

/** Validates an {@link Embeddings}. */
export const EmbeddingsSchema = z.object({
  /** One vector per input text, in input order, all of one length. */
  vectors: z.array(z.array(z.number())),
  model: z.string().optional(),
});
/** The answer of `embed()`. */
export type Embeddings = z.infer<typeof EmbeddingsSchema>;
