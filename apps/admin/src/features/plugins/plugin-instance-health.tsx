import { Badge, type BadgeTone, formatDateTime } from '@warmpath/ui';
import type { InstalledPlugin } from '../../api/types.js';

/** An instance's health as `admin.plugins.list` reports it. */
export type PluginHealth = InstalledPlugin['instances'][number]['health'];

const STATES: Record<PluginHealth['state'], { label: string; tone: BadgeTone }> = {
  ok: { label: 'Healthy', tone: 'success' },
  failing: { label: 'Failing', tone: 'danger' },
  disabled: { label: 'Disabled', tone: 'neutral' },
};

/**
 * How a plugin instance is doing since the server started: a state badge, its call and error counts, its last
 * error and the result of the last "Test connection". Counts reset on restart (they live in the process).
 */
export function PluginInstanceHealth({
  health,
  status,
}: {
  health: PluginHealth;
  /** The instance's status: says why a disabled instance does not run. */
  status: InstalledPlugin['instances'][number]['status'];
}) {
  const state = STATES[health.state];
  return (
    <section className="form-stack" aria-label="Health">
      <p>
        <Badge tone={state.tone}>{state.label}</Badge>{' '}
        <span className="muted-text">
          {health.calls} {health.calls === 1 ? 'call' : 'calls'}, {health.errors}{' '}
          {health.errors === 1 ? 'error' : 'errors'} since the server started
        </span>
      </p>
      {status === 'invalid-settings' ? (
        <p className="muted-text">
          Not running: its settings are invalid. Fix them below; it starts once they save.
        </p>
      ) : status === 'disabled' ? (
        <p className="muted-text">Not running: an admin turned it off. Its settings are kept.</p>
      ) : null}
      {health.lastError ? (
        <p>
          Last error ({formatDateTime(health.lastError.at)}): {health.lastError.message}
        </p>
      ) : null}
      <p className="muted-text">
        {health.lastTest
          ? `Last connection test (${formatDateTime(health.lastTest.at)}): ${
              health.lastTest.ok
                ? 'passed'
                : `failed${health.lastTest.message ? ` — ${health.lastTest.message}` : ''}`
            }`
          : 'Connection not tested since the server started.'}
      </p>
    </section>
  );
}
