import type { JobSchedule } from '../../api/types.js';

const UNITS = [
  { ms: 3_600_000, one: 'hour' },
  { ms: 60_000, one: 'minute' },
  { ms: 1000, one: 'second' },
] as const;

/** "Every 5 minutes", "Every hour", "Cron 0 3 * * * (UTC)": how often a schedule ticks, in words. */
export function describeInterval(schedule: Pick<JobSchedule, 'everyMs' | 'cron'>): string {
  if (schedule.cron !== null) return `Cron ${schedule.cron} (UTC)`;
  const everyMs = schedule.everyMs ?? 0;
  const unit = UNITS.find((candidate) => everyMs % candidate.ms === 0);
  if (!unit) return `Every ${everyMs} ms`;
  const count = everyMs / unit.ms;
  return count === 1 ? `Every ${unit.one}` : `Every ${count} ${unit.one}s`;
}

/** "Core" or "plugin-id (instance)": who declared a schedule. */
export function describeOwner(owner: JobSchedule['owner']): string {
  return owner.kind === 'core' ? 'Core' : `${owner.pluginId} (${owner.instance})`;
}
