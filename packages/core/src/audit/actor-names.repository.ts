import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import type { AuditActor } from './audit.schema.js';

/**
 * Display names of the actors in a page of audit entries, keyed `type:id`: staff and participants by name, API
 * keys by their label. Ids that are not UUIDs name nothing (the tables key on uuid). One query per actor type present, so a page costs at most three extra queries.
 */
export async function selectActorNames(
  executor: Executor,
  actors: readonly AuditActor[],
): Promise<Map<string, string>> {
  const idsOf = (type: AuditActor['type']) => [
    ...new Set(
      actors
        .filter((actor) => actor.type === type && actor.id !== null && isUuid(actor.id))
        .map((actor) => actor.id as string),
    ),
  ];
  const userIds = idsOf('user');
  const participantIds = idsOf('participant');
  const apiKeyIds = idsOf('api_key');
  const [users, participants, apiKeys] = await Promise.all([
    userIds.length === 0
      ? []
      : executor.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute(),
    participantIds.length === 0
      ? []
      : executor
          .selectFrom('participants')
          .innerJoin('people', 'people.id', 'participants.person_id')
          .select(['participants.id as id', 'people.name as name'])
          .where('participants.id', 'in', participantIds)
          .execute(),
    apiKeyIds.length === 0
      ? []
      : executor.selectFrom('api_keys').select(['id', 'name']).where('id', 'in', apiKeyIds).execute(),
  ]);
  const names = new Map<string, string>();
  for (const row of users) names.set(`user:${row.id}`, row.name);
  for (const row of participants) names.set(`participant:${row.id}`, row.name);
  for (const row of apiKeys) names.set(`api_key:${row.id}`, row.name);
  return names;
}
