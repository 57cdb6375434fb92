import { createHash } from 'node:crypto';
import {
  ApiKeyService,
  AuditService,
  type Clock,
  DashboardService,
  EventIngestionService,
  MagicLinkService,
  type Mailer,
  ParticipantLoginService,
  ParticipantService,
  PluginSettingsService,
  PortalAccountService,
  PortalPasswordResetService,
  PortalReferralService,
  PortalSignInService,
  PortalTrackService,
  ReferralService,
  SecretBox,
  SelfEnrolmentService,
  SessionService,
  StaffAccountService,
  StaffInvitationService,
  StaffPasswordService,
  StaffSignInService,
  TrackService,
  UserService,
  WebhookService,
} from '@warmpath/core';
import { createDatabase, migrateToLatest, type WarmpathDatabase } from '@warmpath/db';
import { createJobQueue, type JobQueue, OutboxDispatcher, type RetryPolicy } from '@warmpath/jobs';
import type { AnyWarmpathPlugin, PluginHost } from '@warmpath/plugin-sdk';
import type { Config } from '../config/load-config.js';
import {
  type CrmAndPayoutEngines,
  createCrmAndPayoutEngines,
} from './engines/create-crm-and-payout-engines.js';
import { createEngines, type Engines } from './engines/create-engines.js';
import { defineCrmSyncJobs } from './engines/crm-sync-jobs.js';
import { defineNotificationJobs } from './engines/notification-jobs.js';
import { defineRewardPayoutJobs } from './engines/reward-payout-jobs.js';
import { createPluginFraudEvaluator } from './fraud-evaluator.js';
import { defineHousekeepingJob } from './housekeeping.js';
import type { Logger } from './logger.js';
import { createLogMailer } from './mail/log-mailer.js';
import { createSmtpMailer } from './mail/smtp-mailer.js';
import { createLivePluginSettings } from './plugins/live-plugin-settings.js';
import { loadPlugins } from './plugins/load-plugins.js';
import { PluginHealth } from './plugins/plugin-health.js';
import { loadPluginSettings } from './plugins/plugin-settings-source.js';
import { defineReferralJobs } from './referral-jobs.js';
import { resolveSecretKey } from './secret-key.js';
import { VERSION } from './version.js';
import { defineWebhookJobs } from './webhook-jobs.js';

/** The core services HTTP handlers and jobs call (with the CRM sync and payout engines and plugin writes). */
export interface Services extends CrmAndPayoutEngines {
  users: UserService;
  sessions: SessionService;
  apiKeys: ApiKeyService;
  tracks: TrackService;
  audit: AuditService;
  /** The console dashboard's figures. */
  dashboard: DashboardService;
  /** Plugin settings saved from the console, REST or the CLI (running servers reload the instance). */
  pluginSettings: PluginSettingsService;
  events: EventIngestionService;
  webhooks: WebhookService;
  participants: ParticipantService;
  participantLogins: ParticipantLoginService;
  referrals: ReferralService;
  /** Portal sign-in by emailed link. */
  magicLinks: MagicLinkService;
  /** Portal passwords and the participant's own profile. */
  portalAccounts: PortalAccountService;
  /** Portal password sign-in with lock-out. */
  portalSignIn: PortalSignInService;
  /** Portal "forgot password": emailed reset links. */
  portalPasswords: PortalPasswordResetService;
  /** Portal self-enrolment with email verification. */
  selfEnrolment: SelfEnrolmentService;
  /** The portal's views of tracks: the program, my tracks and links, intake forms. */
  portalTracks: PortalTrackService;
  /** Guided referrals from the portal. */
  portalReferrals: PortalReferralService;
  /** Staff password sign-in with the lock-out. */
  staffSignIn: StaffSignInService;
  /** Role changes, disabling and enabling of staff accounts from the console. */
  staffAccounts: StaffAccountService;
  /** Staff invitations by emailed link. */
  invitations: StaffInvitationService;
  /** Staff password reset and change. */
  staffPasswords: StaffPasswordService;
}

/**
 * Everything a running Warmpath process holds: configuration, database, job queue, plugin host and services. Built
 * once by {@link createRuntime} (the composition root); HTTP layers and the CLI only read from it.
 */
export interface Runtime {
  readonly version: string;
  readonly config: Config;
  readonly logger: Logger;
  readonly database: WarmpathDatabase;
  readonly queue: JobQueue;
  readonly pluginHost: PluginHost;
  /** Calls, errors and state of every plugin instance (console and /metrics). */
  readonly pluginHealth: PluginHealth;
  /** Attribution, inference and notification engines over the plugins. */
  readonly engines: Engines;
  readonly services: Services;
  readonly clock: Clock;
  /** Salt of `hashIp` for stored client IPs: derived from the secret key, so every pod hashes alike. */
  readonly ipHashSalt: string;
  /** Outgoing email: SMTP when `SMTP_URL` is set, else the log (tests pass a `MemoryMailer`). */
  readonly mailer: Mailer;
  /** Seals secrets at rest with WARMPATH_SECRET_KEY (webhook secrets, stored idempotent responses). */
  readonly secretBox: SecretBox;
  /** Starts job processing and the outbox dispatcher where the MODE asks for them. */
  start(): Promise<void>;
  /** Drains jobs, stops the dispatcher and closes the database. Idempotent. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Skip migrations at boot (the `migrate` command runs them itself). */
  migrate?: boolean;
  /** An already-connected database (tests); otherwise one is made from the config. Closed with the runtime. */
  database?: WarmpathDatabase;
  /** A ready job queue (tests); otherwise one is made from the config. */
  queue?: JobQueue;
  /** Plugin objects loaded after the built-ins and WARMPATH_PLUGINS (tests, embedding). */
  extraPlugins?: readonly AnyWarmpathPlugin[];
  /** Where email goes (tests); otherwise chosen from the config. */
  mailer?: Mailer;
  /** Overrides the webhook retry policy field by field (tests use short back-offs). */
  webhookRetry?: Partial<RetryPolicy>;
  /** Overrides the notification delivery retry policy field by field (tests use short back-offs). */
  notificationRetry?: Partial<RetryPolicy>;
  /** Overrides the CRM and payout jobs' retry policies field by field (tests use short back-offs). */
  engineRetry?: Partial<RetryPolicy>;
  /** How long one CRM connector or reward provider call may take (default 30 s; tests use less). */
  pluginCallTimeoutMs?: number;
}

const systemClock: Clock = { now: () => new Date() };

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const secretKey = await resolveSecretKey({
    configured: config.WARMPATH_SECRET_KEY,
    dataDir: config.WARMPATH_DATA_DIR,
  });
  const database =
    options.database ??
    (await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.WARMPATH_DATA_DIR }));
  try {
    if (options.migrate ?? true) {
      const report = await migrateToLatest(database.db);
      for (const step of report.applied) logger.info({ migration: step.name }, 'migration applied');
    }
    const db = database.db;
    const secretBox = new SecretBox(secretKey);
    const ipHashSalt = createHash('sha256').update(`warmpath:ip-salt:${secretKey}`).digest('base64url');
    // Built before the services: sign-in and enrolment emails go out through it.
    const smtp = config.SMTP_URL
      ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM })
      : undefined;
    const mailer = options.mailer ?? smtp ?? createLogMailer(logger);
    if (!options.mailer && !smtp) logger.warn('SMTP_URL is not set: emails (with their links) go to the log');
    const onMailError = (error: unknown, message: { subject: string }) =>
      logger.error({ err: error, subject: message.subject }, 'an email could not be handed to the mailer');
    const pluginHealth = new PluginHealth({ now: () => clock.now() });
    const participants = new ParticipantService({ db, clock, publicUrl: config.PUBLIC_URL });
    const referrals = new ReferralService({
      db,
      clock,
      ipHashSalt,
      fraud: createPluginFraudEvaluator(() => pluginHost, logger, pluginHealth),
      salesOwnReferralsOnly: config.WARMPATH_SALES_OWN_REFERRALS_ONLY,
    });
    const users = new UserService({ db, clock });
    const portalAccounts = new PortalAccountService({ db, clock });
    const crmAndPayoutEngines = createCrmAndPayoutEngines({
      db,
      clock,
      referrals,
      host: () => pluginHost,
      health: pluginHealth,
      pluginCallTimeoutMs: options.pluginCallTimeoutMs,
    });
    const services: Services = {
      ...crmAndPayoutEngines,
      users,
      sessions: new SessionService({ db, clock }),
      apiKeys: new ApiKeyService({ db, clock }),
      tracks: new TrackService({ db, clock }),
      audit: new AuditService({ db }),
      dashboard: new DashboardService({ db, clock }),
      pluginSettings: new PluginSettingsService({ db, clock, secretBox }),
      events: new EventIngestionService({ db, clock }),
      webhooks: new WebhookService({
        db,
        clock,
        secretBox,
        allowPrivateAddresses: config.WARMPATH_ALLOW_PRIVATE_WEBHOOKS,
      }),
      participants,
      participantLogins: new ParticipantLoginService({ db, clock, publicUrl: config.PUBLIC_URL }),
      referrals,
      magicLinks: new MagicLinkService({ db, clock, mailer, publicUrl: config.PUBLIC_URL, onMailError }),
      portalAccounts,
      portalSignIn: new PortalSignInService({
        db,
        clock,
        accounts: portalAccounts,
        maxFailures: config.WARMPATH_SIGN_IN_MAX_FAILURES,
      }),
      portalPasswords: new PortalPasswordResetService({
        db,
        clock,
        mailer,
        publicUrl: config.PUBLIC_URL,
        onMailError,
      }),
      selfEnrolment: new SelfEnrolmentService({
        db,
        clock,
        mailer,
        participants,
        publicUrl: config.PUBLIC_URL,
        onMailError,
      }),
      portalTracks: new PortalTrackService({ db, publicUrl: config.PUBLIC_URL }),
      portalReferrals: new PortalReferralService({ db, clock, referrals }),
      staffSignIn: new StaffSignInService({
        db,
        clock,
        users,
        maxFailures: config.WARMPATH_SIGN_IN_MAX_FAILURES,
      }),
      staffAccounts: new StaffAccountService({ db, clock }),
      invitations: new StaffInvitationService({ db, clock, mailer, publicUrl: config.PUBLIC_URL }),
      staffPasswords: new StaffPasswordService({
        db,
        clock,
        mailer,
        publicUrl: config.PUBLIC_URL,
        onMailError,
      }),
    };
    const queue = options.queue ?? createJobQueue({ redisUrl: config.REDIS_URL, logger });
    defineWebhookJobs(queue, services.webhooks, { retry: options.webhookRetry });
    defineReferralJobs(queue, { referrals: services.referrals, db, mailer, publicUrl: config.PUBLIC_URL });
    const engines = createEngines({ db, clock, host: () => pluginHost, health: pluginHealth });
    defineNotificationJobs(queue, engines.notifications, { retry: options.notificationRetry });
    defineCrmSyncJobs(queue, services.crmSync, { retry: options.engineRetry });
    defineRewardPayoutJobs(queue, services.rewardPayouts, { retry: options.engineRetry });
    defineHousekeepingJob(queue, { db, clock, logger });
    const dispatcher = new OutboxDispatcher({ db, queue, logger });
    const pluginSettings = await loadPluginSettings(db, secretBox);
    const { host: pluginHost, schedules: pluginSchedules } = await loadPlugins({
      settings: pluginSettings,
      config,
      logger,
      database,
      queue,
      clock,
      secretKey,
      services,
      wakeOutboxDispatcher: () => dispatcher.wake(),
      domainEventListeners: [(event) => services.crmSync.schedulePushes(event)],
      ...(options.extraPlugins ? { extraPlugins: options.extraPlugins } : {}),
    });
    const liveSettings = createLivePluginSettings({
      database,
      pluginHost,
      store: pluginSettings.source,
      secretBox,
      logger,
      // A reloaded instance may have gained or lost schedules (fixed settings, turned on or off).
      onReloaded: () =>
        pluginSchedules.sync({
          log: (error) => logger.error({ err: error }, 'plugin schedule refused; it does not run'),
        }),
    });
    let closed = false;
    return {
      version: VERSION,
      config,
      logger,
      database,
      queue,
      pluginHost,
      pluginHealth,
      engines,
      services,
      clock,
      ipHashSalt,
      secretBox,
      mailer,
      async start() {
        // Every process running plugins follows settings changes, API and worker alike.
        await liveSettings.start();
        const processJobs = config.MODE !== 'api';
        await queue.start({ process: processJobs });
        if (processJobs) dispatcher.start();
      },
      async close() {
        if (closed) return;
        closed = true;
        await liveSettings.stop();
        await dispatcher.stop();
        await queue.stop({ drainTimeoutMs: 10_000 });
        await database.close();
        smtp?.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
