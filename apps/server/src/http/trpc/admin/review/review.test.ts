import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../../testing/test-server.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller, staffCaller } from '../admin-test-kit.js';
import { pipelineFixture } from '../referrals/referral-fixtures.js';

const stacks = await testStacks();

describe.each(stacks)('admin.review on $name', (stack) => {
  let server: TestServer;
  let owner: StaffCaller;
  let sales: StaffCaller;
  let initech: string;
  let globex: string;
  let hooli: string;

  beforeAll(async () => {
    server = await startTestServer({ stack });
    owner = await ownerCaller(server);
    sales = await staffCaller(server, 'sales', 'sam-sales');
    const fixture = await pipelineFixture(server, owner, 'review');
    initech = await fixture.refer('Initech', { freeMail: true });
    globex = await fixture.refer('Globex');
    hooli = await fixture.refer('Hooli', { freeMail: true });
  });
  afterAll(() => server.close());

  it('lists the referrals fraud rules held, longest waiting first, with each flag explained', async () => {
    const first = dataOf(await owner.query('admin.review.list', { limit: 1 }));
    expect(first.items.map((item: { id: string }) => item.id)).toEqual([initech]);
    expect(first.items[0]).toMatchObject({ status: 'in_review', company: { name: 'Initech' } });
    expect(first.items[0].flags).toEqual([
      expect.objectContaining({
        rule: expect.stringContaining('contact-email-domain'),
        code: 'contact_domain.free_mail',
        score: 40,
        message: expect.stringContaining('dana.buyer@gmail.com'),
      }),
    ]);
    const second = dataOf(await owner.query('admin.review.list', { limit: 1, cursor: first.nextCursor }));
    expect(second.items.map((item: { id: string }) => item.id)).toEqual([hooli]);
    expect(second.nextCursor).toBeNull();
  });

  it('approves and rejects with a reason through the lifecycle, and empties the queue', async () => {
    const approved = dataOf(
      await owner.mutation('admin.review.approve', { id: initech, reason: 'Called them' }),
    );
    expect(approved.status).toBe('accepted');
    expect(approved.history.at(-1)).toMatchObject({
      from: 'in_review',
      to: 'accepted',
      reason: 'Called them',
      actor: { type: 'user', id: owner.userId },
    });
    const rejected = dataOf(
      await owner.mutation('admin.review.reject', { id: hooli, reason: 'No real contact' }),
    );
    expect(rejected.status).toBe('rejected');
    expect(dataOf(await owner.query('admin.review.list', {})).items).toEqual([]);

    const events = await server.runtime.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('job_name', '=', 'domain-events.fan-out')
      .execute();
    const statusChanges = events
      .map((row) => row.payload as { type: string; data: { referralId: string; to: string } })
      .filter((event) => event.type === 'referral.status_changed');
    expect(statusChanges.map((event) => [event.data.referralId, event.data.to])).toEqual(
      expect.arrayContaining([
        [initech, 'accepted'],
        [hooli, 'rejected'],
      ]),
    );
  });

  it('refuses a decision without a reason or on a referral already decided', async () => {
    errorOf(await owner.mutation('admin.review.approve', { id: globex, reason: ' ' }), 'BAD_REQUEST');
    errorOf(
      await owner.mutation('admin.review.approve', { id: hooli, reason: 'Changed my mind' }),
      'CONFLICT',
    );
    errorOf(
      await owner.mutation('admin.review.reject', {
        id: '0190a0a0-0000-7000-8000-00000000dead',
        reason: 'x',
      }),
      'NOT_FOUND',
    );
  });

  it('is closed to sales, who cannot review', async () => {
    errorOf(await sales.query('admin.review.list', {}), 'FORBIDDEN');
    errorOf(await sales.mutation('admin.review.reject', { id: globex, reason: 'Nope' }), 'FORBIDDEN');
    expect(dataOf(await owner.query('admin.referrals.byId', { id: globex })).status).toBe('submitted');
  });
});
