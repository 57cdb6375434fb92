import { z } from 'zod';
import { definePlugin, type NotificationMessage, secret } from '../index.js';
import { FakeCrmRemote } from './fake-crm-remote.js';
import { createFirstTouchModel } from './sample-attribution-model.js';
import { createSampleCrmConnector } from './sample-crm-connector.js';
import { createVelocityRule } from './sample-fraud-rule.js';
import { createEchoBackend } from './sample-inference-backend.js';
import { createSampleNotifier } from './sample-notifier.js';
import { createSampleRewardProvider } from './sample-reward-provider.js';

/** The sample plugin's settings. */
export const sampleSettingsSchema = z.object({
  webhookSecret: secret(z.string().min(8)).default('sample-webhook-secret'),
  velocityLimit: z.number().int().positive().default(5),
});

/** What a test can observe of the sample plugin. */
export interface SamplePluginProbe {
  crm: FakeCrmRemote;
  delivered: NotificationMessage[];
}

/**
 * A plugin that adds one implementation of every extension point, a job, an event subscription and routes: the
 * SDK's own tests load it.
 */
export function createSamplePlugin(probe: SamplePluginProbe = { crm: new FakeCrmRemote(), delivered: [] }) {
  return definePlugin({
    id: 'sample',
    version: '1.2.3',
    sdk: '^1',
    displayName: 'Sample',
    description: 'Exercises every extension point.',
    configSchema: z.object({ region: z.enum(['eu', 'us']).default('eu') }),
    settingsSchema: sampleSettingsSchema,
    register(ctx) {
      ctx.crm.add('sample-crm', (c) =>
        createSampleCrmConnector(probe.crm, c.clock, c.settings.webhookSecret),
      );
      ctx.rewards.add('sample-rewards', (c) => createSampleRewardProvider(c.kv, c.settings.webhookSecret));
      ctx.fraud.add('velocity', (c) => createVelocityRule(c.settings.velocityLimit));
      ctx.attribution.add('first-touch', () => createFirstTouchModel());
      ctx.inference.add('echo', () => createEchoBackend());
      ctx.notifiers.add('sample-chat', () => createSampleNotifier(probe.delivered));

      const syncReferral = ctx.jobs.define('sync-referral', {
        payload: z.object({ referralId: z.string() }),
        async handler({ referralId }, job) {
          const details = await ctx.services.referrals.get(referralId);
          if (!details) throw new Error(`Referral ${referralId} not found`);
          const connector = createSampleCrmConnector(probe.crm, ctx.clock, ctx.settings.webhookSecret);
          const refs = await connector.upsertReferral(details.referral, details.company, details.contacts);
          await ctx.kv.set(`synced:${referralId}`, { lead: refs.referral.id, attempt: job.attempt });
        },
      });

      ctx.events.on('referral.created', async (event) => {
        await syncReferral.enqueue(
          { referralId: event.data.referralId },
          { idempotencyKey: `sync:${event.data.referralId}` },
        );
      });

      ctx.http.route({
        method: 'GET',
        path: '/health',
        handler: () => ({
          status: 200,
          body: { ok: true, region: ctx.config.region, instance: ctx.plugin.instance },
        }),
      });
      ctx.http.route({
        method: 'POST',
        path: '/webhooks/:source',
        handler: (request) => ({ status: 202, body: { source: request.params.source ?? null } }),
      });
    },
  });
}
