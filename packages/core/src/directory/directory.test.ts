import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { upsertCompanyByDomain, upsertPersonByEmail } from './directory.repository.js';
import { normaliseDomain } from './normalise.js';

describe('normaliseDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['  ACME.com ', 'acme.com'],
    ['https://www.Acme.com/about?x=1', 'acme.com'],
    ['www.acme.co.uk.', 'acme.co.uk'],
    ['http://eu.acme.io:8080', 'eu.acme.io'],
    ['sales@acme.com', 'acme.com'],
  ])('turns %j into %j', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it.each(['', 'acme', 'http://', 'acme..com', '-acme.com', 'ac me.com'])(
    'refuses %j naming the field',
    (input) => {
      expect(() => normaliseDomain(input, 'company.domain')).toThrow(ValidationError);
      try {
        normaliseDomain(input, 'company.domain');
      } catch (error) {
        expect((error as ValidationError).issues[0]?.path).toBe('company.domain');
      }
    },
  );
});

const kinds = await testDatabaseKinds();

describe.each(kinds)('directory on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('keeps one company per domain, with its first name', async () => {
    const now = new Date();
    const first = await upsertCompanyByDomain(database.db, { name: 'Acme Corp', domain: 'acme.com' }, now);
    const again = await upsertCompanyByDomain(database.db, { name: 'ACME', domain: 'acme.com' }, now);
    expect(again.id).toBe(first.id);
    expect(again.name).toBe('Acme Corp');
  });

  it('keeps one person per email and only fills in what is missing', async () => {
    const now = new Date();
    const company = await upsertCompanyByDomain(database.db, { name: 'Globex', domain: 'globex.com' }, now);
    const first = await upsertPersonByEmail(database.db, { email: 'ann@globex.com', name: 'Ann' }, now);
    const again = await upsertPersonByEmail(
      database.db,
      { email: 'ann@globex.com', name: 'Annie', title: 'CTO', companyId: company.id },
      now,
    );
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ name: 'Ann', title: 'CTO', company_id: company.id });
    const third = await upsertPersonByEmail(
      database.db,
      { email: 'ann@globex.com', name: 'A', title: 'CEO' },
      now,
    );
    expect(third.title).toBe('CTO');
  });
});
