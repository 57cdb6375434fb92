import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { argon2PasswordHasher, type PasswordHasher } from './password.js';
import { UserService } from './user.service.js';

/** The real argon2 hasher, counting what it is asked to do. */
function countingHasher() {
  const calls = { hash: 0, verify: [] as string[] };
  const hasher: PasswordHasher = {
    dummyHash: argon2PasswordHasher.dummyHash,
    hash: (password) => {
      calls.hash += 1;
      return argon2PasswordHasher.hash(password);
    },
    verify: (passwordHash, password) => {
      calls.verify.push(passwordHash);
      return argon2PasswordHasher.verify(passwordHash, password);
    },
  };
  return { hasher, calls };
}

const kinds = await testDatabaseKinds();

describe.each(kinds)('staff users on %s', (kind) => {
  let database: TestDatabase;
  let users: UserService;
  let audit: AuditService;
  let calls: ReturnType<typeof countingHasher>['calls'];
  const clock = createFakeClock('2026-02-01T09:00:00.000Z');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    audit = new AuditService({ db: database.db });
  });
  afterAll(() => database?.close());
  beforeEach(() => {
    const counting = countingHasher();
    calls = counting.calls;
    users = new UserService({ db: database.db, clock, passwordHasher: counting.hasher });
  });

  it('creates an account under its normalised email, audited without the password', async () => {
    const actor = { type: 'user' as const, id: '0190a000-0000-7000-8000-000000000001' };
    const user = await users.createUser(
      { email: '  Ada@Example.COM ', name: 'Ada', role: 'admin', password: 'correct horse' },
      { actor, ip: '198.51.100.4' },
    );
    expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada', role: 'admin', hasPassword: true });
    expect(user.createdAt).toBe('2026-02-01T09:00:00.000Z');
    expect(await users.findById(user.id)).toEqual(user);
    expect(await users.findByEmail('ADA@example.com')).toEqual(user);

    const [entry] = (await audit.list({ targetId: user.id, limit: 10 })).data;
    expect(entry).toMatchObject({
      action: 'user.created',
      actor,
      ip: '198.51.100.4',
      changes: { email: { before: null, after: 'ada@example.com' }, role: { before: null, after: 'admin' } },
    });
    expect(JSON.stringify(entry)).not.toContain('argon2');
  });

  it('refuses a second account for the same email, whatever its case, before hashing its password', async () => {
    await users.createUser({ email: 'dup@example.com', name: 'First', role: 'viewer' });
    const duplicate = {
      email: ' DUP@example.com',
      name: 'Second',
      role: 'owner' as const,
      password: 'another one',
    };
    await expect(users.createUser(duplicate)).rejects.toBeInstanceOf(ConflictError);
    expect(calls.hash).toBe(0);
    expect((await users.findByEmail('dup@example.com'))?.name).toBe('First');
  });

  it('names each invalid field of a new account', async () => {
    const attempt = users.createUser({
      email: 'not-an-email',
      name: '',
      role: 'root' as 'owner',
      password: 'short',
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const error = (await attempt.catch((caught: unknown) => caught)) as ValidationError;
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('signs in with the right password only', async () => {
    await users.createUser({ email: 'sam@example.com', name: 'Sam', role: 'sales', password: 'sales pitch' });
    expect((await users.verifyCredentials(' Sam@EXAMPLE.com', 'sales pitch'))?.email).toBe('sam@example.com');
    expect(await users.verifyCredentials('sam@example.com', 'sales pitcH')).toBeNull();
  });

  it('checks a dummy hash for an unknown email or a password-less account, so timing does not reveal which emails exist', async () => {
    await users.createUser({ email: 'invited@example.com', name: 'Invited', role: 'viewer' });
    expect(await users.verifyCredentials('nobody@example.com', 'correct horse')).toBeNull();
    expect(await users.verifyCredentials('invited@example.com', 'correct horse')).toBeNull();
    expect(calls.verify).toEqual([argon2PasswordHasher.dummyHash, argon2PasswordHasher.dummyHash]);
    expect(argon2PasswordHasher.dummyHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('ensures the bootstrap owner: creates it, then changes nothing (and hashes nothing) when run again', async () => {
    const first = await users.ensureOwner({ email: 'Owner@Example.com', password: 'bootstrap-secret' });
    expect(first.outcome).toBe('created');
    expect(first.user).toMatchObject({ email: 'owner@example.com', role: 'owner' });
    const hashesAfterCreate = calls.hash;

    const again = await users.ensureOwner({ email: 'owner@example.com', password: 'bootstrap-secret' });
    expect(again).toEqual({ user: first.user, outcome: 'unchanged' });
    expect(calls.hash).toBe(hashesAfterCreate);
    expect((await users.list()).filter((user) => user.email === 'owner@example.com')).toHaveLength(1);
  });

  it('ensures the bootstrap owner over an existing account: promotes it and resets its password, audited', async () => {
    const existing = await users.createUser({
      email: 'boss@example.com',
      name: 'Boss',
      role: 'sales',
      password: 'old password',
    });
    const { user, outcome } = await users.ensureOwner({
      email: 'boss@example.com',
      password: 'new password',
    });
    expect(outcome).toBe('updated');
    expect(user).toMatchObject({ id: existing.id, role: 'owner' });
    expect(await users.verifyCredentials('boss@example.com', 'old password')).toBeNull();
    expect((await users.verifyCredentials('boss@example.com', 'new password'))?.id).toBe(existing.id);

    const [entry] = (await audit.list({ targetId: existing.id, action: 'user.owner_ensured', limit: 10 }))
      .data;
    expect(entry?.changes).toEqual({ role: { before: 'sales', after: 'owner' }, passwordReset: true });
  });

  it('changes a role with an audit entry of the before and after', async () => {
    const user = await users.createUser({ email: 'finn@example.com', name: 'Finn', role: 'viewer' });
    clock.advance(60_000);
    const actor = { type: 'user' as const, id: '0190a000-0000-7000-8000-000000000002' };
    const updated = await users.setRole(user.id, 'finance', { actor });
    expect(updated.role).toBe('finance');
    expect(updated.updatedAt).not.toBe(user.updatedAt);
    expect((await users.findById(user.id))?.role).toBe('finance');
    const [entry] = (await audit.list({ targetId: user.id, action: 'user.role_changed', limit: 10 })).data;
    expect(entry).toMatchObject({ actor, changes: { role: { before: 'viewer', after: 'finance' } } });

    await expect(users.setRole(user.id, 'superuser' as 'owner')).rejects.toBeInstanceOf(ValidationError);
    await expect(users.setRole('0190a000-0000-7000-8000-00000000ffff', 'admin')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(users.setRole('not-a-uuid', 'admin')).rejects.toBeInstanceOf(NotFoundError);
    expect(await users.findById('not-a-uuid')).toBeNull();
  });

  it('keeps at least one owner: the last one cannot be demoted', async () => {
    await users.ensureOwner({ email: 'last-owner@example.com', password: 'bootstrap-secret' });
    const [last, ...others] = (await users.list()).filter((user) => user.role === 'owner');
    for (const other of others) await users.setRole(other.id, 'admin');
    if (!last) throw new Error('an owner was just ensured');
    await expect(users.setRole(last.id, 'admin')).rejects.toBeInstanceOf(ConflictError);
    expect((await users.findById(last.id))?.role).toBe('owner');
  });
});
