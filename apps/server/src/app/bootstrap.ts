import { randomBytes } from 'node:crypto';
import { type DemoActivity, seedDemo } from '@warmpath/core';
import { createPluginFraudEvaluator } from './fraud-evaluator.js';
import type { Runtime } from './runtime.js';

export interface BootstrapReport {
  /** Set only on the boot that created the demo owner: the one time its password is shown. */
  demoOwner?: { email: string; password: string };
  ownerEmail?: string;
  seededTracks: string[];
  /** Set only on the first start that filled the demo program with made-up activity. */
  demoActivity?: DemoActivity;
}

export const DEMO_OWNER_EMAIL = 'owner@demo.warmpath.local';

/**
 * First-boot work driven by configuration: the owner from WARMPATH_ADMIN_EMAIL/PASSWORD, the bootstrap API key, and
 * in demo mode (when no staff account exists yet) a demo owner with a fresh random password and a demo program,
 * filled with made-up activity on a first start.
 */
export async function bootstrap(runtime: Runtime): Promise<BootstrapReport> {
  const { config, services, database, clock } = runtime;
  const report: BootstrapReport = { seededTracks: [] };
  if (config.WARMPATH_ADMIN_EMAIL && config.WARMPATH_ADMIN_PASSWORD) {
    await services.users.ensureOwner({
      email: config.WARMPATH_ADMIN_EMAIL,
      password: config.WARMPATH_ADMIN_PASSWORD,
    });
    report.ownerEmail = config.WARMPATH_ADMIN_EMAIL;
  }
  if (config.WARMPATH_BOOTSTRAP_API_KEY) {
    await services.apiKeys.ensureBootstrapApiKey(config.WARMPATH_BOOTSTRAP_API_KEY);
  }
  if (config.WARMPATH_DEMO) {
    let staff = await services.users.list();
    if (staff.length === 0) {
      const password = randomBytes(12).toString('base64url');
      await services.users.createUser({
        email: DEMO_OWNER_EMAIL,
        name: 'Demo Owner',
        role: 'owner',
        password,
      });
      report.demoOwner = { email: DEMO_OWNER_EMAIL, password };
      staff = await services.users.list();
    }
    // The demo's referrals are moved along by an owner, as a person would have.
    const reviewer = staff.find((user) => user.role === 'owner') ?? staff[0];
    const seeded = await seedDemo({
      database,
      clock,
      fraud: createPluginFraudEvaluator(() => runtime.pluginHost, runtime.logger),
      ipHashSalt: runtime.ipHashSalt,
      publicUrl: config.PUBLIC_URL,
      reviewer: reviewer && { id: reviewer.id, role: reviewer.role },
    });
    report.seededTracks = seeded.created;
    if (seeded.activity) report.demoActivity = seeded.activity;
  }
  return report;
}
