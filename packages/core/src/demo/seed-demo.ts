import type { WarmpathDatabase } from '@warmpath/db';
import { type Clock, systemClock } from '../clock.js';
import type { FraudEvaluator } from '../referrals/fraud.js';
import { isProgramEmpty } from './demo.repository.js';
import { type DemoActivity, type DemoReviewer, seedDemoActivity } from './seed-demo-activity.js';
import { type DemoProgram, seedDemoProgram } from './seed-demo-program.js';

const DAY_MS = 86_400_000;
/** On a first start the demo tracks date from before the demo's oldest activity. */
const DEMO_TRACKS_AGE_DAYS = 62;

export interface DemoSeedDeps {
  database: Pick<WarmpathDatabase, 'db' | 'appendRows'>;
  clock?: Clock | undefined;
  fraud: FraudEvaluator;
  ipHashSalt: string;
  publicUrl: string;
  /** The staff member shown moving the demo's referrals along. */
  reviewer?: DemoReviewer | undefined;
}

/** What {@link seedDemo} did: the tracks it found or made, and the activity when it filled an empty program. */
export interface DemoSeed extends DemoProgram {
  activity: DemoActivity | null;
}

/**
 * The demo: the three demo tracks wherever they are missing and, on a first start (no track and no participant
 * yet), two months of activity in them. A database with anything of its own in it never gets demo activity, and
 * when several processes start on the same empty database only the one that created the first track fills it.
 */
export async function seedDemo(deps: DemoSeedDeps): Promise<DemoSeed> {
  const now = (deps.clock ?? systemClock).now();
  const { db } = deps.database;
  const isFirstStart = await isProgramEmpty(db);
  const tracksCreatedAt = new Date(now.getTime() - DEMO_TRACKS_AGE_DAYS * DAY_MS);
  const program = await seedDemoProgram({
    db,
    clock: isFirstStart ? { now: () => tracksCreatedAt } : deps.clock,
  });
  const isOurs = program.created[0] === program.tracks[0]?.slug;
  if (!isFirstStart || !isOurs) return { ...program, activity: null };
  const activity = await seedDemoActivity({ ...deps, now }, program.tracks);
  return { ...program, activity };
}
