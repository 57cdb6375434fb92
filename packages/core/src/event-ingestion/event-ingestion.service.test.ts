import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { ValidationError } from '../errors.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { EventIngestionService } from './event-ingestion.service.js';

const integration = { actor: { type: 'api_key' as const, id: '0190a000-0000-7000-8000-0000000000ee' } };
const kinds = await testDatabaseKinds();

async function issuesOf(promise: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe.each(kinds)('event ingestion on %s', (kind) => {
  let database: TestDatabase;
  let events: EventIngestionService;
  let audit: AuditService;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    events = new EventIngestionService({
      db: database.db,
      clock: createFakeClock('2026-06-01T00:00:00.000Z'),
    });
    audit = new AuditService({ db: database.db });
  });
  afterAll(() => database?.close());

  it('stores events as touchpoints linked to a directory person and company', async () => {
    const result = await events.ingest(
      {
        events: [
          {
            id: 'evt-signup-1',
            type: 'product.signed_up',
            occurredAt: '2026-05-31T10:00:00+02:00',
            person: { email: ' Dana@Initech.COM ', name: 'Dana Scully' },
            company: { domain: 'https://www.Initech.com/pricing', name: 'Initech' },
            properties: { plan: 'team', seats: 12 },
          },
        ],
      },
      integration,
    );
    expect(result).toEqual({ accepted: 1, duplicates: 0 });

    const row = await database.db
      .selectFrom('events')
      .innerJoin('people', 'people.id', 'events.person_id')
      .innerJoin('companies', 'companies.id', 'events.company_id')
      .select([
        'events.type',
        'events.occurred_at',
        'events.properties',
        'events.source',
        'people.email',
        'people.name as personName',
        'people.company_id',
        'companies.id as companyId',
        'companies.domain',
        'companies.name as companyName',
      ])
      .where('events.external_id', '=', 'evt-signup-1')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      type: 'product.signed_up',
      properties: { plan: 'team', seats: 12 },
      source: 'api',
      email: 'dana@initech.com',
      personName: 'Dana Scully',
      domain: 'initech.com',
      companyName: 'Initech',
    });
    expect(row.occurred_at.toISOString()).toBe('2026-05-31T08:00:00.000Z');
    expect(row.company_id).toBe(row.companyId);

    const [entry] = (await audit.list({ action: 'events.ingested', limit: 1 })).data;
    expect(entry).toMatchObject({ actor: integration.actor, changes: { accepted: 1, duplicates: 0 } });
  });

  it('counts an id seen before, or repeated in the batch, as a duplicate that changes nothing', async () => {
    const first = {
      id: 'evt-login-7',
      type: 'product.logged_in',
      occurredAt: '2026-05-31T11:00:00Z',
      person: { email: 'first@hooli.com' },
    };
    expect(await events.ingest({ events: [first] })).toEqual({ accepted: 1, duplicates: 0 });

    const replay = {
      ...first,
      type: 'changed.type',
      person: { email: 'someone-new@hooli.com' },
      company: { domain: 'hooli.com' },
    };
    const batch = await events.ingest({
      events: [
        replay,
        { id: 'evt-login-8', type: 'product.logged_in', occurredAt: '2026-05-31T12:00:00Z' },
        { id: 'evt-login-8', type: 'product.logged_in', occurredAt: '2026-05-31T12:00:00Z' },
      ],
    });
    expect(batch).toEqual({ accepted: 1, duplicates: 2 });

    const stored = await database.db
      .selectFrom('events')
      .select(['external_id', 'type', 'person_id', 'company_id'])
      .where('external_id', 'in', ['evt-login-7', 'evt-login-8'])
      .orderBy('external_id')
      .execute();
    expect(stored.map((row) => [row.external_id, row.type])).toEqual([
      ['evt-login-7', 'product.logged_in'],
      ['evt-login-8', 'product.logged_in'],
    ]);
    // The duplicate's person and company were not added to the directory.
    const newcomer = await database.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'someone-new@hooli.com')
      .executeTakeFirst();
    expect(newcomer).toBeUndefined();
    const hooli = await database.db
      .selectFrom('companies')
      .select('id')
      .where('domain', '=', 'hooli.com')
      .executeTakeFirst();
    expect(hooli).toBeUndefined();
  });

  it('names a person without a name by their address and keeps an existing name', async () => {
    await events.ingest({
      events: [
        {
          id: 'evt-anon',
          type: 'x.y',
          occurredAt: '2026-05-31T12:00:00Z',
          person: { email: 'anon@pied.dev' },
        },
      ],
    });
    await events.ingest({
      events: [
        {
          id: 'evt-named',
          type: 'x.y',
          occurredAt: '2026-05-31T12:00:00Z',
          person: { email: 'anon@pied.dev', name: 'Richard' },
        },
      ],
    });
    const people = await database.db
      .selectFrom('people')
      .select('name')
      .where('email', '=', 'anon@pied.dev')
      .execute();
    expect(people).toEqual([{ name: 'anon@pied.dev' }]);
  });

  it('accepts 500 events in one batch and refuses none or 501', async () => {
    const batch = Array.from({ length: 500 }, (_, index) => ({
      id: `evt-bulk-${index}`,
      type: 'usage.reported',
      occurredAt: '2026-05-30T00:00:00Z',
      company: { domain: `bulk${index % 7}.example.com` },
    }));
    expect(await events.ingest({ events: batch })).toEqual({ accepted: 500, duplicates: 0 });
    expect(await issuesOf(events.ingest({ events: [] }))).toEqual([
      { path: 'events', message: expect.stringMatching(/at least one/) },
    ]);
    const tooMany = [...batch, { ...batch[0], id: 'evt-bulk-500' }];
    expect(await issuesOf(events.ingest({ events: tooMany as typeof batch }))).toEqual([
      { path: 'events', message: expect.stringMatching(/at most 500/) },
    ]);
  });

  it('refuses malformed events naming each field, storing nothing', async () => {
    const issues = await issuesOf(
      events.ingest({
        events: [
          { id: 'evt-ok', type: 'x', occurredAt: '2026-05-30T00:00:00Z' },
          // @ts-expect-error: testing what an untyped client may send
          { id: '', type: 'x', occurredAt: 'yesterday', person: { email: 'nope' }, color: 'red' },
          {
            id: 'evt-bad-domain',
            type: 'x',
            occurredAt: '2026-05-30T00:00:00Z',
            company: { domain: 'not a domain' },
          },
        ],
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        'events.1.id',
        'events.1.occurredAt',
        'events.1.person.email',
        'events.1.color',
      ]),
    );

    const domainIssues = await issuesOf(
      events.ingest({
        events: [
          { id: 'evt-ok-2', type: 'x', occurredAt: '2026-05-30T00:00:00Z' },
          {
            id: 'evt-bad-domain',
            type: 'x',
            occurredAt: '2026-05-30T00:00:00Z',
            company: { domain: 'not a domain' },
          },
        ],
      }),
    );
    expect(domainIssues).toEqual([{ path: 'events.1.company.domain', message: expect.any(String) }]);
    const stored = await database.db
      .selectFrom('events')
      .select('id')
      .where('external_id', 'in', ['evt-ok', 'evt-ok-2'])
      .execute();
    expect(stored).toEqual([]);
  });
});
