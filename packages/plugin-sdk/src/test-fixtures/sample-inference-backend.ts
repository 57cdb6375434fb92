import { z } from 'zod';
import { type InferenceBackend, type InferencePrompt, readCompletionOutput } from '../index.js';

function lastUserText(prompt: InferencePrompt): string {
  if (typeof prompt === 'string') return prompt;
  return prompt.messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
}

/** A value of the JSON Schema's shape (objects of strings, numbers and booleans): what a model would answer. */
function exampleOf(schema: z.core.JSONSchema.BaseSchema, text: string): unknown {
  if (schema.type === 'object') {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([key, property]) => [
        key,
        typeof property === 'object' ? exampleOf(property, text) : null,
      ]),
    );
  }
  if (schema.type === 'number' || schema.type === 'integer') return text.length;
  if (schema.type === 'boolean') return true;
  return text.slice(0, 40);
}

/** A deterministic stand-in model: echoes the last user message; embeds by letter counts. */
export function createEchoBackend(): InferenceBackend {
  return {
    apiVersion: 1,
    capabilities: { structuredOutput: true, embeddings: true, maxContextTokens: 4096 },
    async complete<T = string>(prompt: InferencePrompt, schema?: z.ZodType<T>) {
      const user = lastUserText(prompt);
      const text = schema ? JSON.stringify(exampleOf(z.toJSONSchema(schema), user)) : `echo: ${user}`;
      return { output: readCompletionOutput(text, schema), text, model: 'echo-1' };
    },
    async embed(texts) {
      const vectors = texts.map((text) =>
        Array.from(
          { length: 8 },
          (_, slot) => [...text].filter((char) => char.charCodeAt(0) % 8 === slot).length,
        ),
      );
      return { vectors, model: 'letter-count-8' };
    },
  };
}
