import { type InferenceBackend, type InferencePrompt, readCompletionOutput } from '@warmpath/plugin-sdk';
import { z } from 'zod';
import type { JsonClient } from './json-client.js';

const CompletionAnswerSchema = z.object({
  model: z.string(),
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
  usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() }).optional(),
});
const EmbeddingsAnswerSchema = z.object({
  model: z.string(),
  data: z.array(z.object({ index: z.number().int(), embedding: z.array(z.number()) })),
});

/** The prompt as OpenAI-style chat messages. */
function toMessages(prompt: InferencePrompt): { role: string; content: string }[] {
  if (typeof prompt === 'string') return [{ role: 'user', content: prompt }];
  const system = prompt.system === undefined ? [] : [{ role: 'system', content: prompt.system }];
  return [...system, ...prompt.messages];
}

/**
 * An {@link InferenceBackend} over an OpenAI-compatible API (`/chat/completions`, `/embeddings`). Structured
 * output asks the model for JSON matching the schema, then validates its answer with `readCompletionOutput`.
 */
export function createInferenceBackend(call: JsonClient, model: string): InferenceBackend {
  return {
    apiVersion: 1,
    capabilities: { structuredOutput: true, embeddings: true, maxContextTokens: null },
    async complete<T = string>(prompt: InferencePrompt, schema?: z.ZodType<T>) {
      const responseFormat = schema && {
        type: 'json_schema',
        json_schema: { name: 'output', schema: z.toJSONSchema(schema) },
      };
      const answer = CompletionAnswerSchema.parse(
        await call({
          method: 'POST',
          path: '/chat/completions',
          body: { model, messages: toMessages(prompt), response_format: responseFormat },
        }),
      );
      const text = answer.choices[0]?.message.content ?? '';
      const usage = answer.usage && {
        inputTokens: answer.usage.prompt_tokens,
        outputTokens: answer.usage.completion_tokens,
      };
      return { output: readCompletionOutput(text, schema), text, model: answer.model, usage };
    },
    async embed(texts) {
      if (texts.length === 0) return { vectors: [], model };
      const answer = EmbeddingsAnswerSchema.parse(
        await call({ method: 'POST', path: '/embeddings', body: { model, input: texts } }),
      );
      // The API may answer out of order: `index` says which text each vector belongs to.
      const vectors = [...answer.data].sort((a, b) => a.index - b.index).map((entry) => entry.embedding);
      return { vectors, model: answer.model };
    },
  };
}
