import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { upsertPersonByEmail } from '../directory/directory.repository.js';
import { DOMAIN_EVENT_JOB } from '../domain-events/emit-domain-event.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { TrackService } from '../tracks/track.service.js';
import { LINK_CODE_ALPHABET } from './link-code-generator.js';
import { participantSchema } from './participant.schema.js';
import { ParticipantService } from './participant.service.js';

const PUBLIC_URL = 'https://refer.example.com';
const apiKey = {
  actor: { type: 'api_key' as const, id: '0190a000-0000-7000-8000-0000000000ee' },
  ip: '10.0.0.1',
};
const CODE_PATTERN = new RegExp(`^[${LINK_CODE_ALPHABET}]{8}$`);
const kinds = await testDatabaseKinds();

async function validationPaths(attempt: Promise<unknown>): Promise<string[]> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => issue.path).sort();
}

describe.each(kinds)('participants on %s', (kind) => {
  let database: TestDatabase;
  let participants: ParticipantService;
  let audit: AuditService;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const clock = createFakeClock('2026-06-01T00:00:00.000Z');
    participants = new ParticipantService({ db: database.db, clock, publicUrl: `${PUBLIC_URL}/` });
    audit = new AuditService({ db: database.db });
    const tracks = new TrackService({ db: database.db, clock });
    for (const slug of ['clients', 'partners', 'employees', 'retired']) {
      await tracks.create({ slug, name: `The ${slug}`, kind: 'client', landingUrl: 'https://example.com' });
    }
    await tracks.update('retired', { status: 'archived' });
  });
  afterAll(() => database?.close());

  const domainEvents = async () =>
    (
      await database.db
        .selectFrom('outbox')
        .select('payload')
        .where('job_name', '=', DOMAIN_EVENT_JOB)
        .execute()
    )
      .map((row) => row.payload as { type: string; data: { id: string } })
      .filter((event) => event.type === 'participant.created');

  it('creates a participant with one link per track, audited, with a participant.created event', async () => {
    const { participant, created } = await participants.enroll(
      {
        email: '  Ada@Lovelace.IO ',
        name: 'Ada Lovelace',
        title: 'Partner',
        company: { name: 'Lovelace Ltd', domain: 'https://www.Lovelace.io/about' },
        tracks: ['clients', 'partners'],
      },
      apiKey,
    );
    expect(created).toBe(true);
    expect(participantSchema.parse(participant)).toEqual(participant);
    expect(participant).toMatchObject({
      email: 'ada@lovelace.io',
      name: 'Ada Lovelace',
      title: 'Partner',
      company: { name: 'Lovelace Ltd', domain: 'lovelace.io' },
      createdAt: '2026-06-01T00:00:00.000Z',
    });
    expect(participant.enrollments.map((e) => e.track)).toEqual(['clients', 'partners']);
    for (const enrollment of participant.enrollments) {
      expect(enrollment.code).toMatch(CODE_PATTERN);
      expect(enrollment.url).toBe(`${PUBLIC_URL}/r/${enrollment.code}`);
    }
    expect(await participants.get(participant.id)).toEqual(participant);

    const entries = (await audit.list({ targetId: participant.id, limit: 10 })).data;
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'participant.created',
      'participant.enrolled',
      'participant.enrolled',
    ]);
    expect(entries.find((entry) => entry.action === 'participant.created')).toMatchObject({
      actor: apiKey.actor,
      ip: '10.0.0.1',
      changes: { email: { before: null, after: 'ada@lovelace.io' }, company: { after: 'lovelace.io' } },
    });
    const events = await domainEvents();
    expect(events.filter((event) => event.data.id === participant.id)).toEqual([
      expect.objectContaining({ type: 'participant.created', data: participant }),
    ]);
  });

  it('merges enrolments for an email it already knows, keeping existing codes', async () => {
    const first = (await participants.findByEmail('ada@lovelace.io')) ?? expect.fail('missing');
    const eventsBefore = (await domainEvents()).length;
    const { participant, created } = await participants.enroll(
      { email: 'ADA@lovelace.io', name: 'Someone Else', tracks: ['employees', 'clients'] },
      apiKey,
    );
    expect(created).toBe(false);
    expect(participant.id).toBe(first.id);
    expect(participant.name).toBe('Ada Lovelace');
    expect(participant.enrollments.map((e) => e.track)).toEqual(['clients', 'partners', 'employees']);
    expect(participant.enrollments.slice(0, 2)).toEqual(first.enrollments);
    const enrolled = await audit.list({ targetId: first.id, action: 'participant.enrolled', limit: 10 });
    expect(enrolled.data).toHaveLength(3);
    expect(enrolled.data[0]?.changes).toMatchObject({ track: { after: 'employees' } });
    expect(await domainEvents()).toHaveLength(eventsBefore);

    // Enrolling again in the same tracks changes and records nothing.
    const again = await participants.enroll({ email: 'ada@lovelace.io', name: 'Ada', tracks: ['employees'] });
    expect(again).toEqual({ participant, created: false });
    expect((await audit.list({ targetId: first.id, limit: 10 })).data).toHaveLength(4);
  });

  it('names each unknown or archived track and bad domain, and writes nothing', async () => {
    const attempt = participants.enroll({
      email: 'grace@hopper.dev',
      name: 'Grace Hopper',
      company: { name: 'Navy', domain: 'not a domain' },
      tracks: ['clients', 'no-such-track', 'retired'],
    });
    expect(await validationPaths(attempt)).toEqual(['company.domain', 'tracks.1', 'tracks.2']);
    expect(await participants.findByEmail('grace@hopper.dev')).toBeNull();
    const people = await database.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'grace@hopper.dev')
      .execute();
    expect(people).toEqual([]);
  });

  it('rejects invalid emails, missing fields and unknown fields', async () => {
    expect(
      await validationPaths(participants.enroll({ email: 'not-an-email', name: 'X', tracks: ['clients'] })),
    ).toEqual(['email']);
    expect(
      await validationPaths(
        participants.enroll({ email: 'x@example.com', name: ' ', tracks: [], vip: true } as never),
      ),
    ).toEqual(['name', 'tracks', 'vip']);
    expect(
      await validationPaths(
        participants.enroll({
          email: 'x@example.com',
          name: 'X',
          company: { name: 'X', domain: 'x.com', size: 5 },
          tracks: ['clients'],
        } as never),
      ),
    ).toEqual(['company.size']);
  });

  it('makes an existing contact a participant, enrolled once per track even if named twice', async () => {
    const person = await upsertPersonByEmail(
      database.db,
      { email: 'linus@kernel.org', name: 'Linus' },
      new Date(),
    );
    const { participant, created } = await participants.enroll({
      email: 'linus@kernel.org',
      name: 'Linus T.',
      tracks: ['partners', 'partners'],
    });
    expect(created).toBe(true);
    expect(participant).toMatchObject({ name: 'Linus', title: null, enrollments: [{ track: 'partners' }] });
    expect(participant.company).toBeUndefined();
    const row = await database.db
      .selectFrom('participants')
      .select('person_id')
      .where('id', '=', participant.id)
      .executeTakeFirst();
    expect(row?.person_id).toBe(person.id);
  });

  it('finds an enrolment by its exact code', async () => {
    const ada = (await participants.findByEmail('ADA@LOVELACE.IO')) ?? expect.fail('missing');
    const [clients] = ada.enrollments;
    const found = await participants.findEnrollmentByCode(clients?.code ?? '');
    const track = await database.db
      .selectFrom('tracks')
      .select('id')
      .where('slug', '=', 'clients')
      .executeTakeFirstOrThrow();
    expect(found).toEqual({ enrollmentId: expect.any(String), participantId: ada.id, trackId: track.id });
    expect(await participants.findEnrollmentByCode('ZZZZ2222')).toBeNull();
    expect(await participants.findEnrollmentByCode('')).toBeNull();
    expect(await participants.findEnrollmentByCode('x'.repeat(500))).toBeNull();
  });

  it('answers NotFoundError for unknown and malformed ids', async () => {
    await expect(participants.get('0190a000-0000-7000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(participants.get('not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    expect(await participants.findById("1' or '1'='1")).toBeNull();
  });

  it('draws another code when a random code is already taken', async () => {
    const taken = (await participants.findByEmail('ada@lovelace.io'))?.enrollments[0]?.code ?? '';
    const draws = [taken, taken, 'QQQQ7777'];
    const predictable = new ParticipantService({
      db: database.db,
      publicUrl: PUBLIC_URL,
      generateCode: () => draws.shift() ?? expect.fail('too many draws'),
    });
    const { participant } = await predictable.enroll({
      email: 'margaret@hamilton.space',
      name: 'Margaret Hamilton',
      tracks: ['clients'],
    });
    expect(participant.enrollments).toEqual([
      { track: 'clients', code: 'QQQQ7777', url: `${PUBLIC_URL}/r/QQQQ7777` },
    ]);
  });

  it('gives every enrolment a distinct random code', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { participant } = await participants.enroll({
        email: `referrer${i}@example.com`,
        name: `Referrer ${i}`,
        tracks: ['clients', 'partners', 'employees'],
      });
      codes.push(...participant.enrollments.map((e) => e.code));
    }
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(CODE_PATTERN);
    // Not a counter: codes made one after another share no common prefix pattern.
    expect(new Set(codes.map((code) => code.slice(0, 3))).size).toBeGreaterThan(codes.length / 2);
  });

  it('creates one participant when the same email is enrolled concurrently', async () => {
    const results = await Promise.all(
      ['clients', 'partners', 'employees'].map((track) =>
        participants.enroll({ email: 'race@example.com', name: 'Race', tracks: [track] }),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.participant.id)).size).toBe(1);
    const merged = await participants.findByEmail('race@example.com');
    expect(merged?.enrollments.map((e) => e.track).sort()).toEqual(['clients', 'employees', 'partners']);
  });
});
