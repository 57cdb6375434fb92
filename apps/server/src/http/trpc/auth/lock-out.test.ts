import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';
import { staffCaller } from '../admin/admin-test-kit.js';
import { createTrack, enrolParticipant, signInByLoginLink } from '../portal/portal-test-kit.js';
import { trpcClient } from '../trpc-test-client.js';

const stacks = await testStacks();
const PASSWORD = 'a long enough password 123';

describe.each(stacks)('staff sign-in lock-out on $name', (stack) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ stack, env: { WARMPATH_SIGN_IN_MAX_FAILURES: '3' } });
  });
  afterAll(() => server?.close());

  const attempt = async (email: string, password: string) => {
    const started = performance.now();
    const res = await trpcClient(server.app).mutation('auth.signIn', { email, password });
    return { res, ms: performance.now() - started };
  };
  const answerOf = ({ res }: Awaited<ReturnType<typeof attempt>>) => ({
    status: res.statusCode,
    body: res.body,
    cookie: res.headers['set-cookie'] ?? null,
  });

  it('locks an email out after N failures, refusing even the right password with the wrong-password answer', async () => {
    await staffCaller(server, 'viewer', 'lou');
    const email = 'lou@test.warmpath.local';
    const wrong = await attempt(email, 'wrong password 1');
    for (let index = 0; index < 2; index++) await attempt(email, 'wrong password 1');
    const locked = await attempt(email, PASSWORD);
    expect(answerOf(locked)).toEqual(answerOf(wrong));
    expect(locked.res.json().error.message).toBe('Email or password is incorrect');

    const [entry] = (await server.runtime.services.audit.list({ action: 'auth.locked_out', limit: 10 })).data;
    expect(entry?.changes).toMatchObject({ email, failures: 3 });
    // The lock ends after 15 minutes.
    await server.runtime.database.db
      .updateTable('sign_in_failures')
      .set({ locked_until: new Date(Date.now() - 1) })
      .where('email', '=', email)
      .execute();
    expect((await attempt(email, PASSWORD)).res.statusCode).toBe(200);
  });

  it('an unknown email and a locked-out account are indistinguishable: same status, body and timing class', async () => {
    await staffCaller(server, 'viewer', 'lena');
    const email = 'lena@test.warmpath.local';
    for (let index = 0; index < 3; index++) await attempt(email, 'wrong password 2');
    const locked: Awaited<ReturnType<typeof attempt>>[] = [];
    const unknown: Awaited<ReturnType<typeof attempt>>[] = [];
    for (let index = 0; index < 3; index++) {
      locked.push(await attempt(email, PASSWORD));
      unknown.push(await attempt(`ghost-${index}@test.warmpath.local`, PASSWORD));
    }
    for (let index = 0; index < 3; index++) {
      expect(answerOf(locked[index] as never)).toEqual(answerOf(unknown[index] as never));
    }
    // Both run one argon2 check (tens of ms); a locked account must not answer in a fraction of that.
    const median = (runs: { ms: number }[]) => runs.map((run) => run.ms).sort((a, b) => a - b)[1] ?? 0;
    const ratio = median(locked) / median(unknown);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it('a success resets the count; failures far apart do not add up', async () => {
    await staffCaller(server, 'viewer', 'sid');
    const email = 'sid@test.warmpath.local';
    await attempt(email, 'wrong password 3');
    await attempt(email, 'wrong password 3');
    expect((await attempt(email, PASSWORD)).res.statusCode).toBe(200);
    await attempt(email, 'wrong password 3');
    await attempt(email, 'wrong password 3');
    expect((await attempt(email, PASSWORD)).res.statusCode).toBe(200);

    await attempt(email, 'wrong password 3');
    await attempt(email, 'wrong password 3');
    // The first failures happened more than 15 minutes ago: the count starts again.
    await server.runtime.database.db
      .updateTable('sign_in_failures')
      .set({ first_failure_at: new Date(Date.now() - 16 * 60_000) })
      .where('email', '=', email)
      .execute();
    await attempt(email, 'wrong password 3');
    expect((await attempt(email, PASSWORD)).res.statusCode).toBe(200);
  });

  it('applies the same limit to portal sign-ins, counting them apart from the console', async () => {
    await staffCaller(server, 'viewer', 'pia');
    const email = 'pia@test.warmpath.local';
    await createTrack(server, 'lockout-clients');
    const participantId = await enrolParticipant(server, email, ['lockout-clients']);
    const session = await signInByLoginLink(server, participantId);
    const trpc = trpcClient(server.app);
    expect(
      (await trpc.mutation('portal.account.setPassword', { password: PASSWORD }, session)).statusCode,
    ).toBe(200);
    const portalSignIn = (password: string) => trpc.mutation('portal.auth.signIn', { email, password });

    for (let index = 0; index < 3; index++)
      expect((await portalSignIn('wrong password 4')).statusCode).toBe(401);
    // WARMPATH_SIGN_IN_MAX_FAILURES is 3 here (the default would be 5): the right password is now refused.
    expect((await portalSignIn(PASSWORD)).statusCode).toBe(401);
    const lockouts = await server.runtime.services.audit.list({ action: 'auth.locked_out', limit: 20 });
    expect(lockouts.data).toContainEqual(
      expect.objectContaining({
        target: { type: 'participant', id: null },
        changes: expect.objectContaining({ email, failures: 3 }),
      }),
    );
    // The same person's console sign-in keeps its own count.
    expect((await attempt(email, PASSWORD)).res.statusCode).toBe(200);
  });
});
