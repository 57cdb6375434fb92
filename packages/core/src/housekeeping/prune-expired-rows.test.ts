import { newId } from '@warmpath/db';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEnrolledParticipant } from '../referrals/referral-test-kit.js';
import { pruneExpiredRows } from './prune-expired-rows.js';

const kinds = await testDatabaseKinds();
const NOW = new Date('2026-06-10T12:00:00.000Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3600 * 1000);

describe.each(kinds)('pruning expired rows on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('deletes only finished rows past their retention, and reports how many', async () => {
    const db = database.db;
    const outbox = (label: string, dispatchedAt: Date | null) => ({
      id: newId(),
      job_name: `test.${label}`,
      payload: '{}',
      idempotency_key: label,
      available_at: ago(24 * 30),
      dispatched_at: dispatchedAt,
    });
    await db
      .insertInto('outbox')
      .values([
        outbox('old-sent', ago(24 * 8)),
        outbox('recent-sent', ago(24 * 6)),
        // Never dispatched, however old: it is still owed.
        outbox('old-pending', null),
      ])
      .execute();
    const key = (name: string, createdAt: Date) => ({
      api_key_id: newId(),
      key: name,
      method: 'POST',
      path: '/api/v1/referrals',
      request_hash: 'hash',
      response_status: 201,
      response_body: '{}',
      created_at: createdAt,
    });
    await db
      .insertInto('idempotency_keys')
      .values([key('old', ago(25)), key('fresh', ago(23))])
      .execute();
    const session = (expiresAt: Date) => ({
      id: newId(),
      subject_type: 'user' as const,
      subject_id: newId(),
      secret_hash: new Uint8Array(32),
      created_at: ago(24 * 40),
      last_active_at: ago(24 * 3),
      expires_at: expiresAt,
    });
    const keptSession = session(ago(2));
    await db
      .insertInto('sessions')
      .values([session(ago(25)), keptSession])
      .execute();
    const { participantId } = await seedEnrolledParticipant(db, { email: 'p@prune.example', trackIds: [] });
    const token = (hash: string, expiresAt: Date) => ({
      id: newId(),
      participant_id: participantId,
      token_hash: hash,
      created_at: ago(24 * 3),
      expires_at: expiresAt,
      used_at: null,
    });
    await db
      .insertInto('participant_login_tokens')
      .values([token('gone', ago(48)), token('kept', ago(1))])
      .execute();
    const kv = (name: string, expiresAt: Date | null) => ({
      namespace: 'test',
      key: name,
      value: '1',
      expires_at: expiresAt,
      updated_at: ago(1),
    });
    await db
      .insertInto('plugin_kv')
      .values([kv('expired', ago(1)), kv('live', new Date(NOW.getTime() + 1000)), kv('forever', null)])
      .execute();

    const userId = newId();
    await db
      .insertInto('users')
      .values({ id: userId, email: 'staff@prune.example', name: 'Staff', role: 'viewer', updated_at: NOW })
      .execute();
    const reset = (hash: string, expiresAt: Date) => ({
      id: newId(),
      user_id: userId,
      token_hash: hash,
      created_at: ago(24 * 3),
      expires_at: expiresAt,
    });
    await db
      .insertInto('password_reset_tokens')
      .values([reset('old-reset', ago(25)), reset('kept-reset', ago(2))])
      .execute();
    const failures = (email: string, firstFailureAt: Date, lockedUntil: Date | null) => ({
      email,
      failure_count: 1,
      first_failure_at: firstFailureAt,
      locked_until: lockedUntil,
    });
    await db
      .insertInto('sign_in_failures')
      .values([
        failures('old@prune.example', ago(25), null),
        failures('recent@prune.example', ago(1), null),
        failures('locked@prune.example', ago(25), new Date(NOW.getTime() + 60_000)),
      ])
      .execute();

    await db
      .insertInto('plugin_webhook_deliveries')
      .values([
        { plugin_id: 'crm', instance: 'default', delivery_id: 'id:old', received_at: ago(24 * 31) },
        { plugin_id: 'crm', instance: 'default', delivery_id: 'id:recent', received_at: ago(24 * 29) },
      ])
      .execute();

    const delivery = (label: string, status: 'pending' | 'sent' | 'failed', updatedAt: Date) => ({
      id: newId(),
      channel: 'chat',
      notifier_key: 'notifiers:chat:default:chat',
      idempotency_key: label,
      message: JSON.stringify({ subject: label }),
      status,
      created_at: ago(24 * 60),
      updated_at: updatedAt,
    });
    await db
      .insertInto('notification_deliveries')
      .values([
        delivery('old-sent', 'sent', ago(24 * 31)),
        delivery('recent-failed', 'failed', ago(24 * 29)),
        // Still owed, however old.
        delivery('old-pending', 'pending', ago(24 * 31)),
      ])
      .execute();

    expect(await pruneExpiredRows(db, NOW)).toEqual({
      outbox: 1,
      idempotencyKeys: 1,
      sessions: 1,
      participantLoginTokens: 1,
      pluginKv: 1,
      passwordResetTokens: 1,
      signInFailures: 1,
      pluginWebhookDeliveries: 1,
      notificationDeliveries: 1,
    });
    expect(
      (await db.selectFrom('notification_deliveries').select('idempotency_key').execute())
        .map((row) => row.idempotency_key)
        .sort(),
    ).toEqual(['old-pending', 'recent-failed']);
    expect(
      (await db.selectFrom('password_reset_tokens').select('token_hash').execute()).map(
        (row) => row.token_hash,
      ),
    ).toEqual(['kept-reset']);
    expect(
      (await db.selectFrom('sign_in_failures').select('email').orderBy('email').execute()).map(
        (row) => row.email,
      ),
    ).toEqual(['locked@prune.example', 'recent@prune.example']);
    const left = async <T>(query: Promise<T[]>) => (await query).length;
    expect(
      (await db.selectFrom('outbox').select('idempotency_key').where('job_name', 'like', 'test.%').execute())
        .map((row) => row.idempotency_key)
        .sort(),
    ).toEqual(['old-pending', 'recent-sent']);
    expect(await left(db.selectFrom('idempotency_keys').select('key').execute())).toBe(1);
    expect((await db.selectFrom('sessions').select('id').execute()).map((row) => row.id)).toEqual([
      keptSession.id,
    ]);
    expect(
      (await db.selectFrom('participant_login_tokens').select('token_hash').execute()).map(
        (row) => row.token_hash,
      ),
    ).toEqual(['kept']);
    expect(
      (await db.selectFrom('plugin_kv').select('key').orderBy('key').execute()).map((row) => row.key),
    ).toEqual(['forever', 'live']);
    // A second run finds nothing more to do.
    expect(Object.values(await pruneExpiredRows(db, NOW))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
