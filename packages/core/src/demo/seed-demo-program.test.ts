import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { DEFAULT_B2B_FORM } from '../tracks/default-b2b-form.js';
import { TrackService } from '../tracks/track.service.js';
import { seedDemoProgram } from './seed-demo-program.js';

const kinds = await testDatabaseKinds();

describe.each(kinds)('demo program on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('creates a client, a partner and an employee track with the B2B form', async () => {
    const clock = createFakeClock();
    const program = await seedDemoProgram({ db: database.db, clock });
    expect(program.created).toEqual(['clients', 'partners', 'employees']);
    expect(program.tracks.map((track) => [track.slug, track.name, track.kind, track.status])).toEqual([
      ['clients', 'Clients', 'client', 'active'],
      ['partners', 'Partners', 'partner', 'active'],
      ['employees', 'Employees', 'employee', 'active'],
    ]);
    for (const track of program.tracks) {
      expect(track.form).toEqual(DEFAULT_B2B_FORM);
      expect(track.landingUrl).toMatch(/^https:\/\/example\.com\//);
    }
    expect(await new TrackService({ db: database.db }).list()).toEqual(program.tracks);
    const { data } = await new AuditService({ db: database.db }).list({ action: 'track.created', limit: 10 });
    expect(data.map((entry) => entry.actor)).toEqual([1, 2, 3].map(() => ({ type: 'system', id: null })));
  });

  it('is idempotent: a second run finds the same tracks and keeps edits made since', async () => {
    const tracks = new TrackService({ db: database.db });
    await tracks.update('partners', { name: 'Channel partners' });
    const before = await tracks.list();

    const again = await seedDemoProgram({ db: database.db });
    expect(again.created).toEqual([]);
    expect(again.tracks).toEqual(before);
    expect(again.tracks.find((track) => track.slug === 'partners')?.name).toBe('Channel partners');
    expect(await tracks.list()).toHaveLength(3);
  });
});
