import type { JsonValue } from '@warmpath/db';
import type { Executor } from '../common/executor.js';
import type { RoutingRule, RoutingSettings } from '../tracks/track-settings.schema.js';
import {
  selectEnabledUserIds,
  selectEnabledUserIdsByRole,
  takeRoundRobinPosition,
} from './directory-lookups.repository.js';

/** True when the answer equals the rule's value; a multiselect answer matches when it contains it. */
function answerMatches(answer: JsonValue | undefined, expected: RoutingRule['equals']): boolean {
  if (answer === undefined || answer === null) return false;
  if (Array.isArray(answer)) return answer.some((item) => answerMatches(item, expected));
  return typeof answer === 'object' ? false : String(answer) === String(expected);
}

/** The rules whose condition the answers meet, in the order the track lists them. */
export function matchingRoutingRules(
  rules: readonly RoutingRule[],
  answers: Readonly<Record<string, JsonValue>>,
): RoutingRule[] {
  return rules.filter((rule) => answerMatches(answers[rule.field], rule.equals));
}

/** Pool order for the round-robin: the configured pool, else every enabled sales or manager account. */
async function roundRobinPool(executor: Executor, pool: readonly string[] | undefined): Promise<string[]> {
  if (pool === undefined) return selectEnabledUserIdsByRole(executor, ['sales', 'manager']);
  const enabled = await selectEnabledUserIds(executor, pool);
  return [...new Set(pool)].filter((id) => enabled.has(id));
}

/**
 * The owner of a new referral: the first matching rule whose owner is an enabled account (a rule pointing at a
 * departed colleague is skipped rather than assigning to nobody), else the round-robin fallback, else nobody.
 */
export async function routeOwner(
  executor: Executor,
  track: { id: string; routing: RoutingSettings },
  answers: Readonly<Record<string, JsonValue>>,
): Promise<string | null> {
  const candidates = matchingRoutingRules(track.routing.rules, answers).map((rule) => rule.ownerId);
  if (candidates.length > 0) {
    const enabled = await selectEnabledUserIds(executor, candidates);
    const owner = candidates.find((id) => enabled.has(id));
    if (owner) return owner;
  }
  if (track.routing.fallback === 'none') return null;
  const pool = await roundRobinPool(executor, track.routing.pool);
  if (pool.length === 0) return null;
  const position = await takeRoundRobinPosition(executor, track.id);
  return pool[position % pool.length] ?? null;
}
