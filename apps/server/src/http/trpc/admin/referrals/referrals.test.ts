import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../../testing/test-server.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller, staffCaller } from '../admin-test-kit.js';
import { pipelineFixture } from './referral-fixtures.js';

const stacks = await testStacks();

const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe.each(stacks)('admin.referrals on $name', (stack) => {
  let server: TestServer;
  let owner: StaffCaller;
  let sales: StaffCaller;
  let viewer: StaffCaller;
  let trackId: string;
  let globex: string;
  let initech: string;
  let umbrella: string;
  let fixture: Awaited<ReturnType<typeof pipelineFixture>>;

  beforeAll(async () => {
    server = await startTestServer({ stack });
    owner = await ownerCaller(server);
    sales = await staffCaller(server, 'sales', 'sam-sales');
    viewer = await staffCaller(server, 'viewer', 'vic-viewer');
    fixture = await pipelineFixture(server, owner, 'pipeline');
    trackId = fixture.track.id;
    globex = await fixture.refer('Globex', { answers: { seats: 40, region: 'EMEA' } });
    initech = await fixture.refer('Initech', { freeMail: true });
    umbrella = await fixture.refer('Umbrella');
    // The seats question is dropped after Globex answered it: its answer must stay readable.
    const region = fixture.track.form.fields[0];
    dataOf(
      await owner.mutation('admin.tracks.update', { id: trackId, changes: { form: { fields: [region] } } }),
    );
  });
  afterAll(() => server.close());

  it('lists referrals newest first with what the table shows, page by page', async () => {
    const first = dataOf(await viewer.query('admin.referrals.list', { trackId, limit: 2 }));
    expect(idsOf(first)).toEqual([umbrella, initech]);
    expect(first.items[1]).toMatchObject({
      status: 'in_review',
      track: { id: trackId, slug: 'pipeline' },
      company: { name: 'Initech', domain: 'initech.example' },
      participant: { name: 'Ada Referrer' },
      owner: null,
      fraud: { decision: 'review' },
      isSlaBreached: false,
    });
    const second = dataOf(
      await viewer.query('admin.referrals.list', { trackId, limit: 2, cursor: first.nextCursor }),
    );
    expect(idsOf(second)).toEqual([globex]);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by stage, fraud decision, company and SLA breach', async () => {
    const list = async (filters: object) =>
      idsOf(dataOf(await viewer.query('admin.referrals.list', filters)));
    expect(await list({ trackId, status: 'in_review' })).toEqual([initech]);
    expect(await list({ trackId, fraudDecision: 'allow' })).toEqual([umbrella, globex]);
    expect(await list({ search: 'GLOB' })).toEqual([globex]);
    expect(await list({ search: '_' })).toEqual([]);
    expect(await list({ trackId, search: '  ' })).toEqual([umbrella, initech, globex]);
    expect(await list({ trackId: '0190a0a0-0000-7000-8000-00000000dead' })).toEqual([]);
    await server.runtime.database.db
      .updateTable('referrals')
      .set({ sla_due_at: new Date(Date.now() - 60_000) })
      .where('id', '=', umbrella)
      .execute();
    expect(await list({ trackId, slaBreached: true })).toEqual([umbrella]);
    expect(await list({ trackId, slaBreached: false })).toEqual([initech, globex]);
    const [item] = dataOf(await viewer.query('admin.referrals.list', { trackId, slaBreached: true })).items;
    expect(item.isSlaBreached).toBe(true);
  });

  it('shows the board of a track: every stage in lifecycle order with counts and cards', async () => {
    const board = dataOf(await viewer.query('admin.referrals.board', { trackId, cardsPerStage: 1 }));
    expect(board.columns.map((column: { status: string }) => column.status)).toEqual([
      'submitted',
      'in_review',
      'accepted',
      'rejected',
      'meeting_booked',
      'proposal_sent',
      'closed_won',
      'closed_lost',
    ]);
    const submitted = board.columns[0];
    expect(submitted).toMatchObject({ count: 2, cards: [{ id: umbrella }] });
    const rest = dataOf(
      await viewer.query('admin.referrals.list', {
        trackId,
        status: 'submitted',
        cursor: submitted.nextCursor,
      }),
    );
    expect(idsOf(rest)).toEqual([globex]);
    expect(board.columns[1]).toMatchObject({ count: 1, cards: [{ id: initech }], nextCursor: null });
    expect(board.columns[2]).toMatchObject({ count: 0, cards: [] });
  });

  it('shows a referral page with the committee, labelled answers, history and next moves', async () => {
    const page = dataOf(await viewer.query('admin.referrals.byId', { id: globex }));
    expect(page).toMatchObject({
      status: 'submitted',
      track: { id: trackId, name: 'pipeline track' },
      participant: { name: 'Ada Referrer' },
      owner: null,
      contacts: [
        { name: 'Dana Buyer', role: 'decision_maker' },
        { name: 'Tom Tech', role: 'technical_evaluator' },
      ],
      answers: [
        { key: 'region', label: 'Which region?', type: 'select', value: 'EMEA' },
        { key: 'seats', label: 'seats', type: null, value: 40 },
      ],
      history: [{ from: null, to: 'submitted', actor: { type: 'api_key' } }],
      notes: [],
      allowedTransitions: ['accepted', 'rejected', 'in_review'],
      isHeldForReview: false,
    });
    expect(page.history[0].actor.name).toMatch(/^API key/);
    const held = dataOf(await viewer.query('admin.referrals.byId', { id: initech }));
    expect(held.fraud.flags).toContainEqual(
      expect.objectContaining({
        code: 'contact_domain.free_mail',
        score: 40,
        message: expect.stringContaining('gmail.com'),
      }),
    );
    errorOf(
      await viewer.query('admin.referrals.byId', { id: '0190a0a0-0000-7000-8000-00000000dead' }),
      'NOT_FOUND',
    );
  });

  it('moves a referral along the lifecycle as the staff member, and refuses moves it does not allow', async () => {
    const accepted = dataOf(
      await sales.mutation('admin.referrals.transition', { id: globex, to: 'accepted', reason: 'Good fit' }),
    );
    expect(accepted.status).toBe('accepted');
    expect(accepted.history.at(-1)).toMatchObject({
      from: 'submitted',
      to: 'accepted',
      reason: 'Good fit',
      actor: { type: 'user', id: sales.userId, name: 'sam-sales' },
    });
    expect(accepted.allowedTransitions).toEqual([
      'meeting_booked',
      'proposal_sent',
      'closed_won',
      'closed_lost',
    ]);
    const refused = await sales.mutation('admin.referrals.transition', { id: globex, to: 'submitted' });
    expect(errorOf(refused, 'CONFLICT')).toContain('cannot move from accepted to submitted');
    expect(refused.statusCode).toBe(409);
    const outbox = await server.runtime.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('job_name', '=', 'domain-events.fan-out')
      .execute();
    expect(
      outbox.some(
        (row) =>
          JSON.stringify(row.payload).includes(`"to":"accepted"`) &&
          JSON.stringify(row.payload).includes(globex),
      ),
    ).toBe(true);
  });

  it('keeps internal notes with their authors', async () => {
    dataOf(
      await sales.mutation('admin.referrals.addNote', { id: globex, body: 'Called Dana, demo next week' }),
    );
    const page = dataOf(await viewer.query('admin.referrals.byId', { id: globex }));
    expect(page.notes).toEqual([
      expect.objectContaining({
        body: 'Called Dana, demo next week',
        author: expect.objectContaining({ name: 'sam-sales' }),
      }),
    ]);
    errorOf(await sales.mutation('admin.referrals.addNote', { id: globex, body: '   ' }), 'BAD_REQUEST');
  });

  it('assigns an owner who can work referrals, filters by owner, and unassigns', async () => {
    const owners = dataOf(await owner.query('admin.referrals.owners'));
    expect(owners.map((user: { id: string }) => user.id)).toEqual(
      expect.arrayContaining([owner.userId, sales.userId]),
    );
    expect(owners.map((user: { id: string }) => user.id)).not.toContain(viewer.userId);
    const assigned = dataOf(
      await owner.mutation('admin.referrals.assign', { id: globex, ownerId: sales.userId }),
    );
    expect(assigned.owner).toMatchObject({ id: sales.userId, name: 'sam-sales' });
    const mine = dataOf(await viewer.query('admin.referrals.list', { ownerId: sales.userId }));
    expect(idsOf(mine)).toEqual([globex]);
    expect(idsOf(dataOf(await viewer.query('admin.referrals.list', { trackId, ownerId: null })))).toEqual([
      umbrella,
      initech,
    ]);
    const refused = await owner.mutation('admin.referrals.assign', { id: globex, ownerId: viewer.userId });
    expect(errorOf(refused, 'BAD_REQUEST')).toContain('ownerId');
    const audit = await server.runtime.services.audit.list({
      targetId: globex,
      action: 'referral.assigned',
      limit: 5,
    });
    expect(audit.data[0]).toMatchObject({
      actor: { type: 'user', id: owner.userId },
      changes: { ownerId: { before: null, after: sales.userId } },
    });
    expect(
      dataOf(await owner.mutation('admin.referrals.assign', { id: globex, ownerId: null })).owner,
    ).toBeNull();
  });

  it('lets a viewer read but not move, annotate or assign; sales cannot assign nor decide a held referral', async () => {
    errorOf(
      await viewer.mutation('admin.referrals.transition', { id: umbrella, to: 'accepted' }),
      'FORBIDDEN',
    );
    errorOf(await viewer.mutation('admin.referrals.addNote', { id: umbrella, body: 'hi' }), 'FORBIDDEN');
    errorOf(
      await sales.mutation('admin.referrals.assign', { id: umbrella, ownerId: sales.userId }),
      'FORBIDDEN',
    );
    errorOf(await sales.query('admin.referrals.owners'), 'FORBIDDEN');
    expect(dataOf(await viewer.query('admin.referrals.byId', { id: initech })).isHeldForReview).toBe(true);
    errorOf(await sales.mutation('admin.referrals.transition', { id: initech, to: 'accepted' }), 'FORBIDDEN');
    expect(dataOf(await viewer.query('admin.referrals.byId', { id: initech })).status).toBe('in_review');
    expect(dataOf(await viewer.query('admin.referrals.byId', { id: umbrella })).status).toBe('submitted');
  });

  it('lets a manager, who reviews, decide a held referral through the same procedure, as themself', async () => {
    const manager = await staffCaller(server, 'manager', 'mia-manager');
    const held = await fixture.refer('Hooli', { freeMail: true });
    expect(dataOf(await viewer.query('admin.referrals.byId', { id: held })).isHeldForReview).toBe(true);
    // The page offers each reader only the moves they may make: none to sales, with the reason, before they try.
    expect(dataOf(await sales.query('admin.referrals.byId', { id: held }))).toMatchObject({
      allowedTransitions: [],
      moveRefusal: expect.stringContaining('Fraud rules hold this referral for review'),
    });
    expect(dataOf(await manager.query('admin.referrals.byId', { id: held }))).toMatchObject({
      allowedTransitions: ['accepted', 'rejected'],
      moveRefusal: null,
    });
    const refused = await sales.mutation('admin.referrals.transition', { id: held, to: 'rejected' });
    errorOf(refused, 'FORBIDDEN');
    // The console shows why: the fraud hold, and who decides it (not "your role does not allow this").
    expect(refused.json().error.data.reason).toBe(
      'Fraud rules hold this referral for review: only someone with referrals:review (an owner, admin or manager) can move it, by approving or rejecting it in the review queue',
    );
    // A refusal by role alone carries no reason beyond the role.
    const byRole = await viewer.mutation('admin.referrals.transition', { id: held, to: 'rejected' });
    errorOf(byRole, 'FORBIDDEN');
    expect(byRole.json().error.data.reason).toBeUndefined();
    const decided = dataOf(
      await manager.mutation('admin.referrals.transition', { id: held, to: 'accepted', reason: 'Checked' }),
    );
    expect(decided).toMatchObject({ status: 'accepted', isHeldForReview: false });
    expect(decided.history.at(-1)).toMatchObject({
      to: 'accepted',
      actor: { type: 'user', id: manager.userId },
    });
    // Decided, it is no longer held: sales works it from here.
    dataOf(await sales.mutation('admin.referrals.transition', { id: held, to: 'meeting_booked' }));
  });
});

describe.each(stacks)(
  'admin.referrals.transition with WARMPATH_SALES_OWN_REFERRALS_ONLY on $name',
  (stack) => {
    let server: TestServer;
    let owner: StaffCaller;
    let sales: StaffCaller;
    let fixture: Awaited<ReturnType<typeof pipelineFixture>>;

    beforeAll(async () => {
      server = await startTestServer({ stack, env: { WARMPATH_SALES_OWN_REFERRALS_ONLY: 'true' } });
      owner = await ownerCaller(server);
      sales = await staffCaller(server, 'sales', 'sol-sales');
      fixture = await pipelineFixture(server, owner, 'own-only');
    });
    afterAll(() => server.close());

    it('lets sales move only the referrals assigned to them; managers and owners move any', async () => {
      const assigned = await fixture.refer('Acme');
      const other = await fixture.refer('Wayne');
      dataOf(await owner.mutation('admin.referrals.assign', { id: assigned, ownerId: sales.userId }));

      dataOf(await sales.mutation('admin.referrals.transition', { id: assigned, to: 'accepted' }));
      expect(
        errorOf(
          await sales.mutation('admin.referrals.transition', { id: other, to: 'accepted' }),
          'FORBIDDEN',
        ),
      ).toContain('assigned to them');
      expect(dataOf(await owner.query('admin.referrals.byId', { id: other })).status).toBe('submitted');
      dataOf(await owner.mutation('admin.referrals.transition', { id: other, to: 'accepted' }));
    });
  },
);
