import type { ParticipantLoginTokenRow } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

/**
 * Which route a token is for: API login links, emailed magic links, or emailed portal password reset links (which
 * sign nobody in). A token works only on its own route.
 */
export type LoginTokenPurpose = 'login_link' | 'magic_link' | 'password_reset';

export async function insertLoginTokenRow(
  executor: Executor,
  row: {
    id: string;
    participant_id: string;
    token_hash: string;
    created_at: Date;
    expires_at: Date;
    purpose: LoginTokenPurpose;
  },
): Promise<ParticipantLoginTokenRow> {
  return executor.insertInto('participant_login_tokens').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Marks the token used if it is unused, unexpired and its participant active, in one statement: of two
 * concurrent uses, exactly one gets the row back. Returns the participant id, or undefined.
 */
export async function consumeLoginTokenRow(
  executor: Executor,
  tokenHash: string,
  now: Date,
  purpose: LoginTokenPurpose,
): Promise<string | undefined> {
  const row = await executor
    .updateTable('participant_login_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('participant_id', 'in', (eb) =>
      eb.selectFrom('participants').select('id').where('status', '=', 'active'),
    )
    .returning('participant_id')
    .executeTakeFirst();
  return row?.participant_id;
}

/**
 * Whom a usable token (unused, unexpired, of this purpose, its participant active) would sign in: their id, name
 * and email; undefined otherwise. Reads only: the token stays usable.
 */
export async function findLoginTokenHolder(
  executor: Executor,
  tokenHash: string,
  now: Date,
  purpose: LoginTokenPurpose,
): Promise<{ id: string; name: string; email: string } | undefined> {
  return executor
    .selectFrom('participant_login_tokens')
    .innerJoin('participants', 'participants.id', 'participant_login_tokens.participant_id')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .select(['participants.id', 'people.name', 'people.email'])
    .where('participant_login_tokens.token_hash', '=', tokenHash)
    .where('participant_login_tokens.purpose', '=', purpose)
    .where('participant_login_tokens.used_at', 'is', null)
    .where('participant_login_tokens.expires_at', '>', now)
    .where('participants.status', '=', 'active')
    .executeTakeFirst();
}

export async function findParticipantStatus(
  executor: Executor,
  id: string,
): Promise<'active' | 'disabled' | undefined> {
  const row = await executor
    .selectFrom('participants')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.status;
}

/** Every unused token of this purpose of the participant stops working (a reset link was used). */
export async function deleteUnusedLoginTokenRows(
  executor: Executor,
  participantId: string,
  purpose: LoginTokenPurpose,
): Promise<void> {
  await executor
    .deleteFrom('participant_login_tokens')
    .where('participant_id', '=', participantId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
