import { describe, expect, it } from 'vitest';
import { createJobQueue } from './create-job-queue.js';
import { silentJobLogger } from './logger.js';

describe('createJobQueue', () => {
  it('uses the in-process driver without a Redis URL and BullMQ with one', async () => {
    const embedded = createJobQueue({ logger: silentJobLogger });
    // Port 1 refuses connections; choosing the driver must not need Redis to be up.
    const production = createJobQueue({ redisUrl: 'redis://127.0.0.1:1', logger: silentJobLogger });
    expect(embedded.driver).toBe('in-process');
    expect(production.driver).toBe('bullmq');
    await Promise.all([embedded.stop(), production.stop()]);
  });
});
