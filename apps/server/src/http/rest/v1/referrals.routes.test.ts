import { type Scope, upsertPersonByEmail } from '@warmpath/core';
import { newId } from '@warmpath/db';
import { waitFor } from '@warmpath/jobs/testing';
import { definePlugin } from '@warmpath/plugin-sdk';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectProblem, type RestCaller, restCaller } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

const stacks = await testStacks();

function errorPaths(res: LightMyRequestResponse): string[] {
  return (expectProblem(res, 400).errors ?? []).map((error) => error.path).sort();
}

/** A fraud plugin with a rule that throws and one that answers garbage: neither may stop a submission. */
const brokenFraudPlugin = definePlugin({
  id: 'broken-fraud',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}),
  settingsSchema: z.object({}),
  register(ctx) {
    ctx.fraud.add('explodes', () => ({
      apiVersion: 1,
      description: 'Always throws.',
      evaluate() {
        throw new Error('bug in a fraud rule');
      },
    }));
    ctx.fraud.add('garbage', () => ({
      apiVersion: 1,
      description: 'Answers an impossible score.',
      evaluate: () => ({ score: 500, flags: [] }),
    }));
  },
});

describe.each(stacks)('REST referrals on $name', (stack) => {
  let server: TestServer;
  let call: RestCaller;
  const logLines: string[] = [];
  const trackIds: Record<string, string> = {};
  let sequence = 0;
  const keyWith = async (...scopes: Scope[]) =>
    (await server.runtime.services.apiKeys.createApiKey({ name: scopes.join(' '), scopes })).key;

  beforeAll(async () => {
    const logger = pino({ level: 'error' }, { write: (line: string) => logLines.push(line) });
    server = await startTestServer({ stack, plugins: [brokenFraudPlugin], logger });
    call = restCaller(server);
    const tracks = [
      {
        slug: 'clients',
        name: 'Clients',
        kind: 'client',
        landingUrl: 'https://example.com/refer',
        slaHours: 12,
        form: {
          fields: [
            { key: 'account', label: 'Account', type: 'text', required: true },
            { key: 'urgency', label: 'Urgency', type: 'select', options: ['Low', 'High'] },
          ],
        },
      },
      {
        slug: 'auto',
        name: 'Auto',
        kind: 'partner',
        landingUrl: 'https://example.com/refer',
        autoAccept: true,
      },
    ];
    for (const track of tracks) {
      const res = await call({ method: 'POST', url: '/api/v1/tracks', body: track });
      expect(res.statusCode, res.body).toBe(201);
      trackIds[track.slug] = res.json().id;
    }
  });
  afterAll(() => server?.close());

  /** A fresh participant enrolled in the given tracks, inserted straight into the tables. */
  async function participant(email: string, slugs: string[] = ['clients', 'auto']): Promise<string> {
    const db = server.runtime.database.db;
    const person = await upsertPersonByEmail(db, { email, name: email.split('@')[0] ?? email }, new Date());
    const id = newId();
    await db
      .insertInto('participants')
      .values({ id, person_id: person.id, updated_at: new Date() })
      .execute();
    for (const slug of slugs) {
      await db
        .insertInto('enrollments')
        .values({
          id: newId(),
          participant_id: id,
          track_id: trackIds[slug] ?? '',
          code: `c${newId().slice(-12)}`,
        })
        .execute();
    }
    return id;
  }

  /** A valid submission for a company nobody referred yet (so the built-in duplicate rules stay quiet). */
  function body(participantId: string, overrides: Record<string, unknown> = {}) {
    sequence += 1;
    return {
      track: 'clients',
      participantId,
      company: { name: `Target ${sequence}`, domain: `target${sequence}.example` },
      contacts: [
        { name: 'Tess Buyer', email: `tess@target${sequence}.example`, title: 'CTO', role: 'decision_maker' },
      ],
      answers: { account: `Target ${sequence}`, urgency: 'High' },
      ...overrides,
    };
  }

  const submit = (payload: unknown, key?: string | null, headers?: Record<string, string>) =>
    call({ method: 'POST', url: '/api/v1/referrals', body: payload, key, ...(headers ? { headers } : {}) });

  describe('POST /api/v1/referrals', () => {
    it('records a referral (201) in the documented shape, readable and audited', async () => {
      const participantId = await participant('ref1@partner1.example');
      const res = await submit(body(participantId, { note: 'Warm intro' }), undefined, {
        'user-agent': 'crm-sync/2.0',
      });
      expect(res.statusCode, res.body).toBe(201);
      const referral = res.json();
      expect(referral).toEqual({
        id: expect.any(String),
        track: 'clients',
        participantId,
        status: 'submitted',
        company: {
          id: expect.any(String),
          name: expect.stringMatching(/^Target/),
          domain: expect.stringMatching(/\.example$/),
          submittedName: expect.stringMatching(/^Target/),
        },
        contacts: [
          {
            id: expect.any(String),
            name: 'Tess Buyer',
            email: expect.stringMatching(/^tess@/),
            title: 'CTO',
            role: 'decision_maker',
          },
        ],
        answers: { account: expect.any(String), urgency: 'High' },
        note: 'Warm intro',
        fraud: { score: 0, decision: 'allow', flags: [] },
        slaDueAt: new Date(Date.parse(referral.createdAt) + 12 * 3600 * 1000).toISOString(),
        createdAt: expect.any(String),
        history: [
          { status: 'submitted', at: referral.createdAt, actor: { type: 'api_key', id: expect.any(String) } },
        ],
        ownerId: null,
        duplicateOfId: null,
      });
      const read = await call({ method: 'GET', url: `/api/v1/referrals/${referral.id}` });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(referral);
      const log = await call({ method: 'GET', url: `/api/v1/audit-log?targetId=${referral.id}` });
      expect(log.json().data.map((entry: { action: string }) => entry.action)).toEqual(['referral.created']);
      const stored = await server.runtime.database.db
        .selectFrom('referrals')
        .select('submitted_ip_hash')
        .where('id', '=', referral.id)
        .executeTakeFirstOrThrow();
      expect(stored.submitted_ip_hash).toEqual(expect.any(String));
    });

    it('auto-accepts on an auto-accepting track and links a second referral of a company to the first', async () => {
      const first = await submit(
        body(await participant('ref2@partner2.example'), { track: 'auto', answers: {} }),
      );
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json().status).toBe('accepted');
      const company = first.json().company;
      const second = await submit(
        body(await participant('ref3@partner3.example'), {
          track: 'auto',
          answers: {},
          company: { name: 'Another spelling', domain: `https://www.${company.domain}/` },
        }),
      );
      expect(second.statusCode, second.body).toBe(201);
      // The built-in duplicate rule holds it for review; the first referrer keeps priority.
      expect(second.json()).toMatchObject({
        duplicateOfId: first.json().id,
        status: 'in_review',
        company: { id: company.id, name: company.name, submittedName: 'Another spelling' },
        fraud: {
          decision: 'review',
          flags: expect.arrayContaining([expect.objectContaining({ code: 'duplicate.company_in_window' })]),
        },
      });
    });

    it('holds a self-referral for review with the built-in rules, and blocks a referrer who names themself', async () => {
      const participantId = await participant('owner@selfco.example');
      const held = await submit(
        body(participantId, { company: { name: 'SelfCo', domain: 'selfco.example' } }),
      );
      expect(held.statusCode, held.body).toBe(201);
      expect(held.json()).toMatchObject({ status: 'in_review', fraud: { score: 70, decision: 'review' } });
      expect(held.json().fraud.flags).toContainEqual({
        code: 'self_referral.same_domain',
        message: expect.any(String),
      });
      expect(held.json().history[0].reason).toContain('self_referral.same_domain');
      expect(held.body).not.toContain('evidence');

      const blocked = await submit(
        body(participantId, {
          company: { name: 'Elsewhere', domain: 'elsewhere-self.example' },
          contacts: [{ name: 'Me', email: 'owner@selfco.example' }],
        }),
      );
      expect(blocked.statusCode, blocked.body).toBe(201);
      expect(blocked.json()).toMatchObject({ status: 'rejected', fraud: { score: 100, decision: 'block' } });
      expect(blocked.json().fraud.flags.map((flag: { code: string }) => flag.code)).toContain(
        'self_referral.referrer_is_contact',
      );
    });

    it('survives fraud rules that throw or answer nonsense, logging them', async () => {
      const res = await submit(body(await participant('ref4@partner4.example')));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().fraud).toEqual({ score: 0, decision: 'allow', flags: [] });
      const logged = logLines.join('\n');
      expect(logged).toContain('fraud rule failed');
      expect(logged).toContain('explodes');
      expect(logged).toContain('garbage');
    });

    it('answers 400 naming each invalid field, never 500', async () => {
      const participantId = await participant('ref5@partner5.example');
      expect(errorPaths(await submit({ ...body(participantId), owner: 'me' }))).toEqual(['body.owner']);
      expect(errorPaths(await submit(body(participantId, { contacts: [] })))).toEqual(['body.contacts']);
      const many = Array.from({ length: 21 }, (_, i) => ({ name: `P${i}`, email: `p${i}@many.example` }));
      expect(errorPaths(await submit(body(participantId, { contacts: many })))).toEqual(['body.contacts']);
      expect(
        errorPaths(
          await submit(body(participantId, { contacts: [{ name: 'X', email: 'nope', role: 'boss' }] })),
        ),
      ).toEqual(['body.contacts.0.email', 'body.contacts.0.role']);
      expect(errorPaths(await submit({ track: 'clients' }))).toEqual([
        'body.company',
        'body.contacts',
        'body.participantId',
      ]);
      expect(
        errorPaths(
          await submit(
            body(participantId, {
              company: { name: 'Dup', domain: 'dup.example' },
              contacts: [
                { name: 'A', email: 'a@dup.example' },
                { name: 'A again', email: 'A@DUP.example' },
              ],
              answers: { urgency: 'Someday', colour: 'red' },
            }),
          ),
        ),
      ).toEqual(['answers.account', 'answers.colour', 'answers.urgency', 'contacts.1.email']);
      expect(errorPaths(await submit(body(participantId, { track: 'unknown-track' })))).toEqual(['track']);
      const outsider = await participant('ref6@partner6.example', ['auto']);
      expect(errorPaths(await submit(body(outsider)))).toEqual(['participantId']);
      expect(errorPaths(await submit(body(newId())))).toEqual(['participantId']);
      expect(errorPaths(await submit(body('not-a-uuid')))).toEqual(['participantId']);
      expect(
        errorPaths(await submit(body(participantId, { company: { name: 'X', domain: 'not a domain' } }))),
      ).toEqual(['company.domain']);
      const malformed = await call({
        method: 'POST',
        url: '/api/v1/referrals',
        headers: { 'content-type': 'application/json' },
        body: '{"track": ',
      });
      expectProblem(malformed, 400);
    });

    it('answers 401 without a key and 403 without referrals:write, changing nothing', async () => {
      const participantId = await participant('ref7@partner7.example');
      expectProblem(await submit(body(participantId), null), 401);
      const readOnly = await keyWith('referrals:read');
      const refused = expectProblem(await submit(body(participantId), readOnly), 403);
      expect(refused.detail).toContain('referrals:write');
      expectProblem(await submit({ nonsense: true }, readOnly), 403);
      const list = await call({ method: 'GET', url: `/api/v1/referrals?participantId=${participantId}` });
      expect(list.json().data).toEqual([]);
    });

    it('replays a POST with the same Idempotency-Key without recording a second referral', async () => {
      const participantId = await participant('ref8@partner8.example');
      const payload = body(participantId);
      const headers = { 'idempotency-key': `referral-${participantId}` };
      const first = await submit(payload, undefined, headers);
      const replay = await submit(payload, undefined, headers);
      expect(first.statusCode).toBe(201);
      expect(replay.statusCode).toBe(201);
      expect(replay.json()).toEqual(first.json());
      const list = await call({ method: 'GET', url: `/api/v1/referrals?participantId=${participantId}` });
      expect(list.json().data).toHaveLength(1);
    });
  });

  describe('GET /api/v1/referrals and /api/v1/referrals/{id}', () => {
    let participantId: string;
    let ids: string[];
    beforeAll(async () => {
      participantId = await participant('lister@partner9.example');
      ids = [];
      for (let i = 0; i < 3; i++) ids.push((await submit(body(participantId))).json().id);
      await call({
        method: 'POST',
        url: `/api/v1/referrals/${ids[0]}/transitions`,
        body: { to: 'accepted' },
      });
    });

    it('lists newest first with filters and cursor pages', async () => {
      const first = await call({
        method: 'GET',
        url: `/api/v1/referrals?participantId=${participantId}&limit=2`,
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().data.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
      const cursor = first.json().nextCursor;
      expect(cursor).toEqual(expect.any(String));
      const next = await call({
        method: 'GET',
        url: `/api/v1/referrals?participantId=${participantId}&limit=2&cursor=${encodeURIComponent(cursor)}`,
      });
      expect(next.json()).toEqual({ data: [expect.objectContaining({ id: ids[0] })], nextCursor: null });

      const accepted = await call({
        method: 'GET',
        url: `/api/v1/referrals?participantId=${participantId}&status=accepted&track=clients`,
      });
      expect(accepted.json().data.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
      const otherTrack = await call({
        method: 'GET',
        url: `/api/v1/referrals?participantId=${participantId}&track=auto`,
      });
      expect(otherTrack.json()).toEqual({ data: [], nextCursor: null });
      const all = await call({ method: 'GET', url: '/api/v1/referrals' });
      expect(all.json().data.length).toBeGreaterThanOrEqual(3);
    });

    it('answers 400 for a bad status, limit or cursor, 401 without a key and 403 without referrals:read', async () => {
      expect(errorPaths(await call({ method: 'GET', url: '/api/v1/referrals?status=won' }))).toEqual([
        'query.status',
      ]);
      expect(errorPaths(await call({ method: 'GET', url: '/api/v1/referrals?limit=0' }))).toEqual([
        'query.limit',
      ]);
      expect(errorPaths(await call({ method: 'GET', url: '/api/v1/referrals?limit=201' }))).toEqual([
        'query.limit',
      ]);
      expect(errorPaths(await call({ method: 'GET', url: '/api/v1/referrals?cursor=garbage' }))).toEqual([
        'cursor',
      ]);
      expectProblem(await call({ method: 'GET', url: '/api/v1/referrals', key: null }), 401);
      const writeOnly = await keyWith('referrals:write');
      expectProblem(await call({ method: 'GET', url: '/api/v1/referrals', key: writeOnly }), 403);
      expectProblem(await call({ method: 'GET', url: `/api/v1/referrals/${ids[0]}`, key: writeOnly }), 403);
      expectProblem(await call({ method: 'GET', url: `/api/v1/referrals/${ids[0]}`, key: null }), 401);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      expectProblem(await call({ method: 'GET', url: `/api/v1/referrals/${newId()}` }), 404);
      expectProblem(await call({ method: 'GET', url: '/api/v1/referrals/not-an-id' }), 404);
    });
  });

  describe('POST /api/v1/referrals/{id}/transitions', () => {
    const transition = (id: string, payload: unknown, key?: string) =>
      call({
        method: 'POST',
        url: `/api/v1/referrals/${id}/transitions`,
        body: payload,
        ...(key ? { key } : {}),
      });

    it('moves a referral forward (200) and records who did it and why', async () => {
      const id = (await submit(body(await participant('mover@partner10.example')))).json().id;
      const accepted = await transition(id, { to: 'accepted', reason: 'Qualified on a call' });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().status).toBe('accepted');
      expect(accepted.json().history.at(-1)).toEqual({
        status: 'accepted',
        at: expect.any(String),
        actor: { type: 'api_key', id: expect.any(String) },
        reason: 'Qualified on a call',
      });
      const won = await transition(id, { to: 'closed_won' });
      expect(won.json().history.map((entry: { status: string }) => entry.status)).toEqual([
        'submitted',
        'accepted',
        'closed_won',
      ]);
      const log = await call({
        method: 'GET',
        url: `/api/v1/audit-log?targetId=${id}&action=referral.status_changed`,
      });
      expect(log.json().data).toHaveLength(2);
    });

    it('answers 409 for a move the lifecycle forbids, 404 for an unknown referral, 400 for bad input', async () => {
      const id = (await submit(body(await participant('stuck@partner11.example')))).json().id;
      expectProblem(await transition(id, { to: 'meeting_booked' }), 409);
      await transition(id, { to: 'rejected' });
      const refused = expectProblem(await transition(id, { to: 'accepted' }), 409);
      expect(refused.detail).toContain('rejected');
      expect((await call({ method: 'GET', url: `/api/v1/referrals/${id}` })).json().status).toBe('rejected');
      expectProblem(await transition(newId(), { to: 'accepted' }), 404);
      expectProblem(await transition('nope', { to: 'accepted' }), 404);
      expect(errorPaths(await transition(id, { to: 'won' }))).toEqual(['body.to']);
      expect(errorPaths(await transition(id, { to: 'accepted', by: 'me' }))).toEqual(['body.by']);
      expect(errorPaths(await transition(id, {}))).toEqual(['body.to']);
    });

    it('answers 403 to a key without referrals:write', async () => {
      const id = (await submit(body(await participant('guarded@partner12.example')))).json().id;
      expectProblem(await transition(id, { to: 'accepted' }, await keyWith('referrals:read')), 403);
      expect((await call({ method: 'GET', url: `/api/v1/referrals/${id}` })).json().status).toBe('submitted');
    });

    it('moves a referral fraud rules hold only with referrals:review, else 403 problem+json changing nothing', async () => {
      // A contact at the referrer's own domain: the built-in rules hold it for review.
      const held = await submit(
        body(await participant('held@heldco.example'), {
          company: { name: 'HeldCo', domain: 'heldco.example' },
        }),
      );
      expect(held.json()).toMatchObject({ status: 'in_review', fraud: { decision: 'review' } });
      const id = held.json().id;

      const writer = await keyWith('referrals:read', 'referrals:write');
      const refused = expectProblem(await transition(id, { to: 'accepted' }, writer), 403);
      expect(refused.detail).toContain('referrals:review');
      expect((await call({ method: 'GET', url: `/api/v1/referrals/${id}` })).json().status).toBe('in_review');
      const log = await call({
        method: 'GET',
        url: `/api/v1/audit-log?targetId=${id}&action=referral.status_changed`,
      });
      expect(log.json().data).toEqual([]);

      const reviewer = await keyWith('referrals:write', 'referrals:review');
      const decided = await transition(id, { to: 'accepted', reason: 'Checked by hand' }, reviewer);
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json().status).toBe('accepted');
      // Once decided, it is held no longer: any key with referrals:write moves it on.
      const booked = await transition(id, { to: 'meeting_booked' }, writer);
      expect(booked.statusCode, booked.body).toBe(200);
    });
  });

  describe('the SLA check', () => {
    it('marks a referral still waiting past its due time as breached, through the scheduled job', async () => {
      const id = (await submit(body(await participant('slow@partner13.example')))).json().id;
      const db = server.runtime.database.db;
      const past = new Date(Date.now() - 60_000);
      // Pretend the SLA ran out: the referral is due and its scheduled check is available now.
      await db.updateTable('referrals').set({ sla_due_at: past }).where('id', '=', id).execute();
      const scheduled = await db
        .updateTable('outbox')
        .set({ available_at: past })
        .where('idempotency_key', '=', `sla:${id}`)
        .where('job_name', '=', 'referrals.sla-check')
        .returning('id')
        .execute();
      expect(scheduled).toHaveLength(1);

      await waitFor(
        async () =>
          (
            await db
              .selectFrom('referrals')
              .select('sla_breached_at')
              .where('id', '=', id)
              .executeTakeFirstOrThrow()
          ).sla_breached_at !== null,
        { timeoutMs: 15_000, intervalMs: 50, message: 'the SLA breach to be marked' },
      );
      const log = await call({
        method: 'GET',
        url: `/api/v1/audit-log?targetId=${id}&action=referral.sla_breached`,
      });
      expect(log.json().data).toEqual([expect.objectContaining({ actor: { type: 'system', id: null } })]);
      const events = await db
        .selectFrom('outbox')
        .select('payload')
        .where('job_name', '=', 'domain-events.fan-out')
        .execute();
      expect(
        events.some((row) => {
          const event = row.payload as { type?: string; data?: { referralId?: string } };
          return event.type === 'referral.sla_breached' && event.data?.referralId === id;
        }),
      ).toBe(true);
      // Unassigned, so everyone who may assign referrals (here: the owner account) is emailed, with a link to it.
      await waitFor(() => server.mail.to(server.owner.email).some((mail) => mail.text.includes(id)), {
        timeoutMs: 15_000,
        intervalMs: 50,
        message: 'the SLA breach email',
      });
      const mail = server.mail.to(server.owner.email).find((message) => message.text.includes(id));
      expect(mail?.subject).toMatch(/^SLA missed: /);
      expect(mail?.text).toContain(`http://localhost:3000/admin/referrals/${id}`);
    });
  });

  it('documents every referrals path in the OpenAPI document', async () => {
    const doc = (await call({ method: 'GET', url: '/api/v1/openapi.json', key: null })).json();
    expect(Object.keys(doc.paths['/api/v1/referrals'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/v1/referrals/{id}'].get).toBeDefined();
    expect(doc.paths['/api/v1/referrals/{id}/transitions'].post).toBeDefined();
  });
});
