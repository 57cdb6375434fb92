import type { InferenceCapabilities, InferencePrompt } from '@warmpath/plugin-sdk';
import { InferencePromptTooLargeError } from './inference-errors.js';

/** The bounds the inference engine holds every backend to. */
export interface InferenceLimits {
  /** One call, including the wait for a free slot (default 30 s). */
  timeoutMs: number;
  /** Characters of a prompt (system + messages) or of the texts of one `embed` (default 48,000). */
  maxPromptChars: number;
  /** Tokens reserved for the answer; at most half the backend's context (default 1,024). */
  maxOutputTokens: number;
  /** Calls running at once per backend (default 4). */
  maxConcurrentPerBackend: number;
  /** Calls started per rolling minute per backend (default 60). */
  maxCallsPerMinutePerBackend: number;
}

/** Defaults sized for a hosted API or a modest local model. */
export const DEFAULT_INFERENCE_LIMITS: InferenceLimits = {
  timeoutMs: 30_000,
  maxPromptChars: 48_000,
  maxOutputTokens: 1024,
  maxConcurrentPerBackend: 4,
  maxCallsPerMinutePerBackend: 60,
};

/** A rough token count: about four characters a token for English text (no tokenizer is bundled). */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/** Characters of a prompt, system instruction included. */
export function promptChars(prompt: InferencePrompt): number {
  if (typeof prompt === 'string') return prompt.length;
  return (
    (prompt.system?.length ?? 0) + prompt.messages.reduce((sum, message) => sum + message.content.length, 0)
  );
}

/**
 * Throws {@link InferencePromptTooLargeError} when the prompt is over `maxPromptChars`, or when, with the answer's
 * reserved tokens (`maxOutputTokens`, at most half the context), it would not fit the backend's context window.
 */
export function checkPromptFits(
  prompt: InferencePrompt,
  capabilities: InferenceCapabilities,
  limits: InferenceLimits,
): void {
  const chars = promptChars(prompt);
  if (chars > limits.maxPromptChars) {
    throw new InferencePromptTooLargeError(
      `The prompt has ${chars} characters; the limit is ${limits.maxPromptChars}`,
    );
  }
  const context = capabilities.maxContextTokens;
  if (context === null) return;
  // The answer gets at most half the window, so a small model is not left with no room for the prompt.
  const reserved = Math.min(limits.maxOutputTokens, Math.floor(context / 2));
  const tokens = estimateTokens(chars);
  if (tokens + reserved > context) {
    throw new InferencePromptTooLargeError(
      `The prompt (about ${tokens} tokens) and the answer (${reserved} tokens) do not fit the backend's context of ${context} tokens`,
    );
  }
}
