import { pluginInstanceInputSchema } from '@warmpath/core';
import { type ConnectionCheck, EXTENSION_POINTS } from '@warmpath/plugin-sdk';
import { loadedInstance } from '../../../../app/plugins/loaded-instance.js';
import { staffProcedure } from '../../trpc.js';

const CHECK_TIMEOUT_MS = 10_000;

/**
 * "Test connection": runs `verifyConnection()` of every implementation of the instance that has one (CRM
 * connectors, reward providers, notifiers). A check that throws or hangs counts as failed; `supported` is false
 * when the instance has nothing to check (e.g. local fraud rules). Checks go through plugin health, which keeps the
 * outcome as the instance's last test result for the console.
 */
export const pluginTestConnection = staffProcedure
  .meta({ permission: 'plugins:manage' })
  .input(pluginInstanceInputSchema)
  .mutation(async ({ ctx, input }) => {
    loadedInstance(ctx.runtime, input.pluginId, input.instance);
    const { pluginHost: host, pluginHealth: health } = ctx.runtime;
    const checkable = EXTENSION_POINTS.flatMap((point) =>
      health
        .list(host, point)
        .filter((entry) => entry.plugin === input.pluginId && entry.instance === input.instance)
        .flatMap((entry) => {
          const verify = (entry.impl as { verifyConnection?: () => Promise<ConnectionCheck> })
            .verifyConnection;
          return typeof verify === 'function'
            ? [{ key: entry.key, point, verify: verify.bind(entry.impl) }]
            : [];
        }),
    );
    const checks = await Promise.all(
      checkable.map(async ({ key, point, verify }) => ({ key, point, result: await runCheck(verify) })),
    );
    const ok = checks.every((check) => check.result.ok);
    if (checks.length > 0) {
      const failed = checks.flatMap((check) =>
        check.result.ok ? [] : [`${check.key}: ${check.result.message}`],
      );
      health.recordTest(input.pluginId, input.instance, { ok, message: failed[0] });
    }
    return { supported: checks.length > 0, ok, checks };
  });

async function runCheck(verify: () => Promise<ConnectionCheck>): Promise<ConnectionCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ConnectionCheck>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, message: `No answer within ${CHECK_TIMEOUT_MS / 1000} s` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([verify(), timeout]);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'The check failed' };
  } finally {
    clearTimeout(timer);
  }
}
