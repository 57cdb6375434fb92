import type { Executor } from '../common/executor.js';

/** The audit action that marks an installation whose program was filled with demo data. */
export const DEMO_SEEDED_ACTION = 'demo.seeded';

/** True when the database holds no track and no participant yet: a first start, where a demo may be seeded. */
export async function isProgramEmpty(executor: Executor): Promise<boolean> {
  const [track, participant] = await Promise.all([
    executor.selectFrom('tracks').select('id').limit(1).executeTakeFirst(),
    executor.selectFrom('participants').select('id').limit(1).executeTakeFirst(),
  ]);
  return track === undefined && participant === undefined;
}

/** True when a first start filled this installation's program with made-up activity (its audit entry says so). */
export async function hasDemoData(executor: Executor): Promise<boolean> {
  const entry = await executor
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', DEMO_SEEDED_ACTION)
    .limit(1)
    .executeTakeFirst();
  return entry !== undefined;
}
