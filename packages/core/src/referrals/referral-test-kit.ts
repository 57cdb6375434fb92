// Test helpers of the referrals capability (not exported from the package).
import { type JsonValue, json, newId, type StaffRole } from '@warmpath/db';
import type { FraudContext } from '@warmpath/plugin-sdk';
import { randomBase32 } from '../common/crypto.js';
import type { Executor } from '../common/executor.js';
import { upsertPersonByEmail } from '../directory/directory.repository.js';
import type { FraudEvaluator, FraudRuleOutcome } from './fraud.js';

/** A fraud evaluator for tests: returns what the test sets and keeps every context it was given. */
export interface FakeFraudEvaluator extends FraudEvaluator {
  contexts: FraudContext[];
  /** The outcomes of the next evaluations (until changed). */
  outcomes: FraudRuleOutcome[];
  /** Shorthand: one rule scoring `score` with one flag per code. */
  scoreNext(score: number, ...codes: string[]): void;
}

export function createFakeFraudEvaluator(): FakeFraudEvaluator {
  const fake: FakeFraudEvaluator = {
    contexts: [],
    outcomes: [],
    evaluate(context) {
      fake.contexts.push(context);
      return fake.outcomes;
    },
    scoreNext(score, ...codes) {
      fake.outcomes = [
        {
          rule: 'fraud:test:default:fake',
          score,
          flags: codes.map((code) => ({
            code,
            message: `Flagged ${code}`,
            evidence: { secret: `evidence of ${code}` },
          })),
        },
      ];
    },
  };
  return fake;
}

/** Inserts a staff account straight into the table (no password: it never signs in). */
export async function insertStaffUser(
  db: Executor,
  input: { email: string; role: StaffRole; createdAt: Date; disabled?: boolean },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      email: input.email,
      name: input.email,
      role: input.role,
      password_hash: null,
      created_at: input.createdAt,
      updated_at: input.createdAt,
      disabled_at: input.disabled ? input.createdAt : null,
    })
    .execute();
  return id;
}

/** The domain events written to the outbox, as `{ type, data }`, oldest first. */
export async function outboxEvents(
  db: Executor,
): Promise<{ type: string; data: Record<string, JsonValue> }[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('payload')
    .where('job_name', '=', 'domain-events.fan-out')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.payload as { type: string; data: Record<string, JsonValue> });
}

/** A participant seeded for tests, with its enrolments by track id. */
export interface SeededParticipant {
  participantId: string;
  personId: string;
  enrollments: Map<string, { id: string; code: string }>;
}

/**
 * Inserts a participant enrolled in the given tracks straight into the tables (tests of referrals do not depend
 * on the participants capability's service).
 */
export async function seedEnrolledParticipant(
  db: Executor,
  input: {
    email: string;
    name?: string;
    companyId?: string;
    trackIds: readonly string[];
    status?: 'active' | 'disabled';
  },
): Promise<SeededParticipant> {
  const now = new Date();
  const person = await upsertPersonByEmail(
    db,
    { email: input.email, name: input.name ?? input.email, companyId: input.companyId ?? null },
    now,
  );
  const participantId = newId();
  await db
    .insertInto('participants')
    .values({ id: participantId, person_id: person.id, status: input.status ?? 'active', updated_at: now })
    .execute();
  const enrollments = new Map<string, { id: string; code: string }>();
  for (const trackId of input.trackIds) {
    const enrollment = { id: newId(), code: randomBase32(8) };
    await db
      .insertInto('enrollments')
      .values({ id: enrollment.id, participant_id: participantId, track_id: trackId, code: enrollment.code })
      .execute();
    enrollments.set(trackId, enrollment);
  }
  return { participantId, personId: person.id, enrollments };
}

/** Replaces a track's stored settings (routing, fraud thresholds, visible stages) for a test. */
export async function setTrackSettings(
  db: Executor,
  trackId: string,
  settings: Record<string, JsonValue>,
): Promise<void> {
  await db
    .updateTable('tracks')
    .set({ settings: json(settings) })
    .where('id', '=', trackId)
    .execute();
}
