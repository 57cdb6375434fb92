import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EmbeddingsSchema,
  InferenceCapabilitiesSchema,
  type InferencePrompt,
} from '../../extension-points/inference.schema.js';
import type { InferenceBackend } from '../../extension-points/inference-backend.js';
import { expectMatches, type SubjectFactory } from './contract-support.js';

/** A prompt and the schema its answer must match. */
export interface StructuredPromptCase<T> {
  prompt: InferencePrompt;
  schema: z.ZodType<T>;
}

/** Options of {@link describeInferenceBackendContract}. */
export interface InferenceBackendContractOptions {
  /** The structured-output case to run (default: a one-field summary object). */
  structured?: StructuredPromptCase<unknown>;
}

const DEFAULT_STRUCTURED: StructuredPromptCase<{ summary: string }> = {
  prompt: {
    system: 'Answer with JSON only.',
    messages: [
      { role: 'user', content: 'Summarise in one sentence: Acme Corp builds rockets for small satellites.' },
    ],
  },
  schema: z.object({ summary: z.string() }),
};

/**
 * The behaviours the host relies on from an {@link InferenceBackend}: honest capabilities, text completions for
 * both prompt forms, schema-valid structured output when claimed, and one equal-length vector per text.
 */
export function describeInferenceBackendContract(
  name: string,
  factory: SubjectFactory<InferenceBackend>,
  options: InferenceBackendContractOptions = {},
): void {
  describe(`${name} fulfils the InferenceBackend contract`, () => {
    it('declares apiVersion 1 and well-formed capabilities matching what it implements', async () => {
      const backend = await factory();
      expect(backend.apiVersion).toBe(1);
      const capabilities = expectMatches(InferenceCapabilitiesSchema, backend.capabilities, 'capabilities');
      expect(capabilities.embeddings, 'capabilities.embeddings must say whether embed() exists').toBe(
        typeof backend.embed === 'function',
      );
    });

    it('completes a plain prompt with text', async () => {
      const backend = await factory();
      const completion = await backend.complete('Say hello to Riley in one short sentence.');
      expect(typeof completion.output).toBe('string');
      expect(completion.output).toBe(completion.text);
    });

    it('completes a system + messages prompt', async () => {
      const backend = await factory();
      const completion = await backend.complete({
        system: 'You are terse.',
        messages: [{ role: 'user', content: 'Name one colour.' }],
      });
      expect(typeof completion.text).toBe('string');
    });

    it('returns output matching the schema when it claims structured output', async (context) => {
      const backend = await factory();
      if (!backend.capabilities.structuredOutput) return context.skip();
      const { prompt, schema } = options.structured ?? DEFAULT_STRUCTURED;
      const completion = await backend.complete(prompt, schema);
      expectMatches(schema, completion.output, 'structured output');
    });

    it('embeds each text into one vector of a common length (when it embeds)', async (context) => {
      const backend = await factory();
      if (!backend.embed) return context.skip();
      const texts = [
        'Acme Corp builds rockets.',
        'Riley knows the CTO of Acme.',
        'Unrelated text about soup.',
      ];
      const embeddings = expectMatches(EmbeddingsSchema, await backend.embed(texts), 'embed()');
      expect(embeddings.vectors).toHaveLength(texts.length);
      const length = embeddings.vectors[0]?.length ?? 0;
      expect(length).toBeGreaterThan(0);
      for (const vector of embeddings.vectors) {
        expect(vector).toHaveLength(length);
        expect(vector.every(Number.isFinite)).toBe(true);
      }
      expect((await backend.embed([])).vectors).toEqual([]);
    });
  });
}
