import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CompletionOutputError, readCompletionOutput } from './read-completion-output.js';

describe('readCompletionOutput', () => {
  const schema = z.object({ summary: z.string() });

  it('returns the text when no schema was asked for', () => {
    expect(readCompletionOutput('plain words')).toBe('plain words');
  });

  it('parses and validates JSON, tolerating a code fence', () => {
    expect(readCompletionOutput('```json\n{"summary":"ok"}\n```', schema)).toEqual({ summary: 'ok' });
  });

  it('refuses text that is not JSON or not of the schema, keeping the text', () => {
    expect(() => readCompletionOutput('Sure! Here it is', schema)).toThrow(CompletionOutputError);
    try {
      readCompletionOutput('{"summary":1}', schema);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CompletionOutputError);
      expect((error as CompletionOutputError).text).toBe('{"summary":1}');
    }
  });
});
