import { fileURLToPath } from 'node:url';
import type { RunnerTask } from 'vitest';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';

const fixture = fileURLToPath(
  new URL('../../test-fixtures/broken-implementations.fixture.ts', import.meta.url),
);

function failedTests(task: RunnerTask, path: string[] = []): string[] {
  const name = [...path, task.name];
  if (task.type === 'test') return task.result?.state === 'fail' ? [name.slice(1).join(' > ')] : [];
  return 'tasks' in task
    ? task.tasks.flatMap((child) => failedTests(child, task.type === 'suite' ? name : path))
    : [];
}

describe('contract suites', () => {
  it('fail exactly the tests that cover the bug of each broken implementation', async () => {
    const vitest = await startVitest(
      'test',
      [],
      // A reporter without hooks: the nested run's deliberate failures must not look like failures of this run.
      { watch: false, config: false, reporters: [{}], include: [fixture], maxWorkers: 1, silent: true },
      {},
    );
    const failed = vitest.state.getFiles().flatMap((file) => failedTests(file));
    await vitest.close();
    process.exitCode = 0; // the nested run sets it because its tests failed, as intended

    const expected = [
      'crm-duplicating-upserts fulfils the CrmConnector contract > upserting the same referral again returns the same refs (a retried sync creates no duplicates)',
      'crm-replaying-cursor fulfils the CrmConnector contract > never delivers a change again from a later cursor',
      'crm-trusting-webhooks fulfils the CrmConnector contract > refuses an unsigned webhook (when it handles webhooks)',
      'rewards-paying-twice fulfils the RewardProvider contract > pays once per idempotency key: issuing again returns the first result',
      'rewards-paying-twice fulfils the RewardProvider contract > refuses a key reused with a different amount instead of paying again',
      'fraud-unexplained-score fulfils the FraudRule contract > explains every non-zero score with at least one flag',
      'fraud-unexplained-score fulfils the FraudRule contract > flags the contexts it is meant to catch, each flag with a message',
      'fraud-reading-the-clock fulfils the FraudRule contract > is deterministic and ignores the clock and randomness',
      'fraud-mutating-input fulfils the FraudRule contract > does not mutate its input',
      'fraud-out-of-range fulfils the FraudRule contract > scores every context within 0..100 with well-formed flags and JSON evidence',
      'attribution-losing-credit fulfils the AttributionModel contract > gives a lone touchpoint all the credit',
      'attribution-losing-credit fulfils the AttributionModel contract > shares credit summing to 1, non-negative, among given touchpoints, each at most once',
      'attribution-order-dependent fulfils the AttributionModel contract > gives the same credits whatever the order of the touchpoints',
      'inference-overclaiming fulfils the InferenceBackend contract > declares apiVersion 1 and well-formed capabilities matching what it implements',
      'notifier-resending fulfils the Notifier contract > does not deliver a retried message twice: the same key returns the first receipt',
    ];
    expect(failed.sort()).toEqual(expected.sort());
  });
});
