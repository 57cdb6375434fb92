import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import type { AuditActor } from './audit.schema.js';

/** An actor with the name the console shows for it. */
export interface NamedActor extends AuditActor {
  name: string;
}

function keyOf(actor: AuditActor): string {
  return `${actor.type}:${actor.id ?? ''}`;
}

/**
 * Names the actors of a timeline in three queries at most: staff by name, participants by their person's name, API
 * keys by their label; the system as "Warmpath" and plugins by id. An actor that no longer exists is "Unknown".
 */
export async function nameActors(
  executor: Executor,
  actors: readonly AuditActor[],
): Promise<(actor: AuditActor) => NamedActor> {
  const idsOf = (type: AuditActor['type']) => [
    ...new Set(actors.flatMap((a) => (a.type === type && a.id !== null && isUuid(a.id) ? [a.id] : []))),
  ];
  const names = new Map<string, string>();
  const users = idsOf('user');
  if (users.length > 0) {
    const rows = await executor.selectFrom('users').select(['id', 'name']).where('id', 'in', users).execute();
    for (const row of rows) names.set(`user:${row.id}`, row.name);
  }
  const participants = idsOf('participant');
  if (participants.length > 0) {
    const rows = await executor
      .selectFrom('participants')
      .innerJoin('people', 'people.id', 'participants.person_id')
      .select(['participants.id', 'people.name'])
      .where('participants.id', 'in', participants)
      .execute();
    for (const row of rows) names.set(`participant:${row.id}`, row.name);
  }
  const apiKeys = idsOf('api_key');
  if (apiKeys.length > 0) {
    const rows = await executor
      .selectFrom('api_keys')
      .select(['id', 'name'])
      .where('id', 'in', apiKeys)
      .execute();
    for (const row of rows) names.set(`api_key:${row.id}`, `API key “${row.name}”`);
  }
  return (actor) => {
    if (actor.type === 'system') return { ...actor, name: 'Warmpath' };
    if (actor.type === 'plugin') return { ...actor, name: `Plugin ${actor.id ?? ''}`.trim() };
    return { ...actor, name: names.get(keyOf(actor)) ?? 'Unknown' };
  };
}
