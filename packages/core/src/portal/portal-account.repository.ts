import type { Executor } from '../common/executor.js';

/** A participant's sign-in facts: status and password hash. */
export interface ParticipantCredentialsRow {
  id: string;
  status: 'active' | 'disabled';
  password_hash: string | null;
}

export async function findCredentialsByEmail(
  executor: Executor,
  email: string,
): Promise<ParticipantCredentialsRow | undefined> {
  return executor
    .selectFrom('participants')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .select(['participants.id', 'participants.status', 'participants.password_hash'])
    .where('people.email', '=', email)
    .executeTakeFirst();
}

/** The row locked for update, so two password changes cannot both pass the current-password check. */
export async function lockCredentialsById(
  executor: Executor,
  id: string,
): Promise<ParticipantCredentialsRow | undefined> {
  return executor
    .selectFrom('participants')
    .select(['id', 'status', 'password_hash'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updatePasswordHash(
  executor: Executor,
  id: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await executor
    .updateTable('participants')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Renames the person a participant stands for (the name is the person's, shared with the contact graph). */
export async function updateParticipantName(
  executor: Executor,
  participantId: string,
  name: string,
  now: Date,
): Promise<{ before: string } | undefined> {
  const person = await executor
    .selectFrom('participants')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .select(['people.id', 'people.name'])
    .where('participants.id', '=', participantId)
    .forUpdate()
    .executeTakeFirst();
  if (!person) return undefined;
  // The same name again is no change: the row (and its updated_at) stays as it was.
  if (person.name !== name) {
    await executor.updateTable('people').set({ name, updated_at: now }).where('id', '=', person.id).execute();
  }
  return { before: person.name };
}
