import { definePlugin, type InferenceBackend, readCompletionOutput } from '@warmpath/plugin-sdk';
import { createTestHost } from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hostImplementations, type PluginCallFailure } from '../plugin-points/implementation-resolver.js';
import { InferenceEngine, type InferenceEngineOptions } from './inference-engine.js';
import {
  InferenceBackendError,
  InferencePromptTooLargeError,
  InferenceRateLimitedError,
  InferenceTimeoutError,
  InferenceUnsupportedError,
  NoInferenceBackendError,
} from './inference-errors.js';

/** Answers to the scripted backend's calls, in order: JSON text or a function that misbehaves. */
type Script = Array<string | (() => Promise<string>)>;

function scriptedBackend(
  script: Script,
  calls: { count: number; running: number; peak: number },
): InferenceBackend {
  return {
    apiVersion: 1,
    capabilities: { structuredOutput: false, embeddings: false, maxContextTokens: 1000 },
    async complete<T = string>(_prompt: unknown, schema?: z.ZodType<T>) {
      calls.count += 1;
      calls.running += 1;
      calls.peak = Math.max(calls.peak, calls.running);
      try {
        const next = script.shift() ?? 'out of script';
        const text = typeof next === 'string' ? next : await next();
        return { output: readCompletionOutput(text, schema), text };
      } finally {
        calls.running -= 1;
      }
    },
  };
}

function setup(script: Script, options: Partial<InferenceEngineOptions> = {}) {
  const calls = { count: 0, running: 0, peak: 0 };
  const plugin = definePlugin({
    id: 'models',
    version: '1.0.0',
    sdk: '^1',
    configSchema: z.object({}),
    settingsSchema: z.object({}),
    register(ctx) {
      ctx.inference.add('scripted', () => scriptedBackend(script, calls));
      ctx.inference.add('structured', () => ({
        apiVersion: 1,
        capabilities: { structuredOutput: true, embeddings: true, maxContextTokens: null },
        // Claims structured output but returns whatever it likes; and embeds with one vector too few.
        complete: async () => ({ output: { score: 'high' } as never, text: '{"score":"high"}' }),
        embed: async (texts) => ({ vectors: texts.slice(1).map(() => [1, 2]) }),
      }));
    },
  });
  const { host } = createTestHost({ plugins: [plugin] });
  const failures: PluginCallFailure[] = [];
  const engine = new InferenceEngine({
    backends: hostImplementations(() => host, 'inference'),
    onFailure: (failure) => failures.push(failure),
    limits: { timeoutMs: 100 },
    ...options,
  });
  return { engine, calls, failures };
}

const Score = z.object({ score: z.number() });
const hang = () => new Promise<string>(() => {});

describe('the inference engine', () => {
  it('completes with the first backend when none is named, and says which answered', async () => {
    const { engine } = setup(['hello there']);
    const completion = await engine.complete('Say hello');
    expect(completion).toMatchObject({
      output: 'hello there',
      backendKey: 'inference:models:default:scripted',
    });
  });

  it('reads structured output, asking once more when the first answer is not the JSON asked for', async () => {
    const { engine, calls, failures } = setup(['not json at all', '```json\n{"score": 7}\n```']);
    const completion = await engine.complete('Score this lead', { schema: Score });
    expect(completion.output).toEqual({ score: 7 });
    expect(calls.count).toBe(2);
    expect(failures.map((f) => f.error.message)).toEqual(['The model did not answer with JSON']);
  });

  it('gives up after the second answer that does not match the schema', async () => {
    const { engine, calls } = setup(['{"score": "high"}', '{"points": 3}']);
    await expect(engine.complete('Score this lead', { schema: Score })).rejects.toThrow(
      /did not match the schema twice/,
    );
    expect(calls.count).toBe(2);
  });

  it('re-checks the output of a backend that claims structured output but returns junk', async () => {
    const { engine, failures } = setup([]);
    await expect(engine.complete('Score', { schema: Score, backendKey: 'structured' })).rejects.toThrow(
      InferenceBackendError,
    );
    expect(failures).toHaveLength(2);
  });

  it('times out a backend that hangs, and records it', async () => {
    const { engine, failures } = setup([hang]);
    const started = Date.now();
    await expect(engine.complete('Hello?')).rejects.toThrow(InferenceTimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(failures.map((f) => [f.key, f.error.name])).toEqual([
      ['inference:models:default:scripted', 'InferenceTimeoutError'],
    ]);
  });

  it('reports a backend that throws as a backend failure with its message', async () => {
    const { engine } = setup([() => Promise.reject(new Error('503 from upstream'))]);
    await expect(engine.complete('Hello')).rejects.toThrow(/"inference:models:default:scripted" failed: 503/);
  });

  it('refuses prompts that are too long or leave the answer no room in the context', async () => {
    const { engine, calls } = setup([], { limits: { maxPromptChars: 50, timeoutMs: 100 } });
    await expect(engine.complete('x'.repeat(51))).rejects.toThrow(InferencePromptTooLargeError);
    // 525 tokens of prompt + 500 reserved for the answer (half the context of 1000) do not fit.
    const roomy = setup([]);
    await expect(roomy.engine.complete('x'.repeat(2100))).rejects.toThrow(
      /do not fit the backend's context of 1000/,
    );
    expect(calls.count + roomy.calls.count).toBe(0);
  });

  it('runs at most the cap of calls at once per backend and refuses calls over the per-minute rate', async () => {
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve('ok'), 20));
    const { engine, calls } = setup([slow, slow, slow, slow], {
      limits: { maxConcurrentPerBackend: 2, maxCallsPerMinutePerBackend: 4, timeoutMs: 1000 },
    });
    const answers = await Promise.all([1, 2, 3, 4].map(() => engine.complete('Hi')));
    expect(answers.map((a) => a.output)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(calls.peak).toBe(2);
    await expect(engine.complete('One more')).rejects.toThrow(InferenceRateLimitedError);
  });

  it('says clearly when there is no backend, no such backend, or no embeddings', async () => {
    const none = new InferenceEngine({ backends: { list: () => [], get: () => undefined } });
    await expect(none.complete('Hi')).rejects.toThrow(NoInferenceBackendError);
    await expect(none.complete('Hi')).rejects.toThrow(/No inference backend is configured/);
    const { engine } = setup([]);
    await expect(engine.complete('Hi', { backendKey: 'gpt-9' })).rejects.toThrow(
      /No inference backend "gpt-9"/,
    );
    await expect(engine.embed(['a'])).rejects.toThrow(InferenceUnsupportedError);
  });

  it('checks embeddings: one vector per text', async () => {
    const { engine, failures } = setup([]);
    await expect(engine.embed(['a', 'b'], { backendKey: 'structured' })).rejects.toThrow(
      /answered 1 vectors for 2 texts/,
    );
    expect(failures).toHaveLength(1);
    expect(await engine.embed([], { backendKey: 'structured' })).toEqual({
      vectors: [],
      backendKey: 'inference:models:default:structured',
    });
  });
});
