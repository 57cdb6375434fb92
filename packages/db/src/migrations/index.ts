import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-22T0100-foundation.js';
import * as referrals from './2026-11-22T0200-referrals.js';
import * as outboxLease from './2026-11-22T0230-outbox-lease.js';
import * as participantLoginTokens from './2026-11-22T0310-participant-login-tokens.js';
import * as portalSignIn from './2026-11-22T0420-portal-sign-in.js';
import * as staffAccounts from './2026-11-22T0440-staff-accounts.js';
import * as clicksTimeIndex from './2026-11-22T0900-clicks-time-index.js';
import * as participantCompanyName from './2026-11-23T0100-participant-company-name.js';
import * as referralCompanyName from './2026-11-23T0200-referral-company-name.js';
import * as crmSyncAndPayouts from './2026-12-08T0200-crm-sync-and-payouts.js';
import * as notificationDeliveries from './2026-12-08T0300-notification-deliveries.js';
import * as pluginWebhookDeliveries from './2026-12-08T0400-plugin-webhook-deliveries.js';

/**
 * Every migration, by name. Names start with an ISO date so they sort in the order they were written.
 * Listed statically (not read from a folder) so the compiled server and any bundle carry them.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0100-foundation': foundation,
  '2026-11-22T0200-referrals': referrals,
  '2026-11-22T0230-outbox-lease': outboxLease,
  '2026-11-22T0310-participant-login-tokens': participantLoginTokens,
  '2026-11-22T0420-portal-sign-in': portalSignIn,
  '2026-11-22T0440-staff-accounts': staffAccounts,
  '2026-11-22T0900-clicks-time-index': clicksTimeIndex,
  '2026-11-23T0100-participant-company-name': participantCompanyName,
  '2026-11-23T0200-referral-company-name': referralCompanyName,
  '2026-12-08T0200-crm-sync-and-payouts': crmSyncAndPayouts,
  '2026-12-08T0300-notification-deliveries': notificationDeliveries,
  '2026-12-08T0400-plugin-webhook-deliveries': pluginWebhookDeliveries,
};
