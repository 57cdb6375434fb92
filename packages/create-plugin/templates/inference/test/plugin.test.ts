import { createTestHost, describeInferenceBackendContract } from '@warmpath/plugin-sdk/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import plugin from '../src/index.js';
import { startFakeModelServer } from './fake-model-server.js';

const server = await startFakeModelServer('model-token');
afterAll(() => server.close());

/** Boots the plugin in the test host, configured against the stand-in. */
const boot = (token = 'model-token') =>
  createTestHost({ plugins: [plugin], settings: { [plugin.id]: { baseUrl: server.baseUrl, token } } });

describeInferenceBackendContract('the inference backend', () => boot().get('inference', 'model'));

describe('the inference plugin', () => {
  it('answers with JSON of the schema it was given', async () => {
    const backend = boot().get('inference', 'model');
    const { output } = await backend.complete('Acme Corp builds rockets.', z.object({ summary: z.string() }));
    expect(output).toEqual({ summary: 'Acme Corp builds rockets.' });
  });

  it('fails loudly on a wrong API key, without revealing it', async () => {
    const failure = boot('revoked-token').get('inference', 'model').complete('Hello');
    await expect(failure).rejects.toThrow(/401/);
    await expect(failure).rejects.not.toThrow(/revoked-token/);
  });
});
