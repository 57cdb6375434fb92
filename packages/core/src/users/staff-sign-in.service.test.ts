import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../errors.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { argon2PasswordHasher, type PasswordHasher } from './password.js';
import { StaffSignInService } from './staff-sign-in.service.js';
import { UserService } from './user.service.js';

const kinds = await testDatabaseKinds();

describe.each(kinds)('staff sign-in lock-out on %s', (kind) => {
  let database: TestDatabase;
  const verified: string[] = [];
  const hasher: PasswordHasher = {
    dummyHash: argon2PasswordHasher.dummyHash,
    hash: (password) => argon2PasswordHasher.hash(password),
    verify: (passwordHash, password) => {
      verified.push(passwordHash);
      return argon2PasswordHasher.verify(passwordHash, password);
    },
  };
  const clock = createFakeClock('2026-03-01T10:00:00.000Z');
  let signIn: StaffSignInService;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const users = new UserService({ db: database.db, clock, passwordHasher: hasher });
    await users.createUser({
      email: 'kim@example.com',
      name: 'Kim',
      role: 'viewer',
      password: 'kims password',
    });
    signIn = new StaffSignInService({
      db: database.db,
      clock,
      users,
      passwordHasher: hasher,
      maxFailures: 2,
    });
  });
  afterAll(() => database?.close());

  it('does the same work for a locked account as for an unknown email: one dummy hash check', async () => {
    for (let index = 0; index < 2; index++) {
      await expect(signIn.signIn('kim@example.com', 'wrong one!')).rejects.toBeInstanceOf(UnauthorizedError);
    }
    verified.length = 0;
    await expect(signIn.signIn('kim@example.com', 'kims password')).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(signIn.signIn('ghost@example.com', 'kims password')).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect(verified).toEqual([argon2PasswordHasher.dummyHash, argon2PasswordHasher.dummyHash]);

    clock.advance(15 * 60_000);
    expect((await signIn.signIn('kim@example.com', 'kims password')).email).toBe('kim@example.com');
  });
});
