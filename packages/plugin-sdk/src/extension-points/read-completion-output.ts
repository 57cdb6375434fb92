import type { z } from 'zod';

/** Thrown when a model's answer is not the JSON the schema asked for. */
export class CompletionOutputError extends Error {
  override readonly name = 'CompletionOutputError';

  /** @param text the model's raw answer, kept for debugging. */
  constructor(
    message: string,
    readonly text: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Turns a model's raw text into `complete()`'s output: the text itself without a schema, otherwise the JSON it
 * contains validated by the schema. Code fences around the JSON are tolerated (models add them).
 */
export function readCompletionOutput<T = string>(text: string, schema?: z.ZodType<T>): T {
  if (!schema) {
    // Without a schema the caller asked for text: T is its default, string.
    return text as T;
  }
  const json = text
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new CompletionOutputError('The model did not answer with JSON', text, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new CompletionOutputError(
      `The model's JSON does not match the schema: ${parsed.error.message}`,
      text,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
