import type { InjectionToken } from 'tsyringe';
import type { ConnectionCheck } from '../dto/connection-check.schema.js';
import type { PluginHttpRequest } from '../dto/plugin-http.schema.js';
import type { Company, Contact, Referral } from '../dto/referral.schema.js';
import type { CrmChangeBatch, CrmUpsertResult, CrmWebhookResult } from './crm.schema.js';

/**
 * Syncs referrals to a CRM and reads back what sales did with them (opportunities, stages, contact roles).
 * Register with `ctx.crm.add(name, factory)`.
 */
export interface CrmConnector {
  /** The version of this interface the implementation follows. */
  readonly apiVersion: 1;

  /**
   * Checks that the credentials and settings reach the CRM (the admin console's "Test connection").
   * Reports failure as `{ ok: false, message }`; never throws for a bad connection.
   */
  verifyConnection(): Promise<ConnectionCheck>;

  /**
   * Creates or updates the CRM records for a referral, its company and its contacts. Idempotent: calling it
   * again with the same referral updates the same records and returns the same refs (the host retries jobs).
   * @returns where each was written; one contact entry per contact passed in.
   */
  upsertReferral(referral: Referral, company: Company, contacts: Contact[]): Promise<CrmUpsertResult>;

  /**
   * Returns changes (opportunities, stage moves, contact roles) since a cursor, oldest first.
   * Cursors only move forward: a change delivered before `cursor` is never delivered again from it.
   * @param since the `cursor` of the previous batch, or null on the first pull.
   */
  pullChanges(since: string | null): Promise<CrmChangeBatch>;

  /**
   * Verifies and parses an inbound CRM webhook (when the CRM pushes changes). Must refuse requests whose
   * signature or origin it cannot verify.
   */
  handleWebhook?(request: PluginHttpRequest): Promise<CrmWebhookResult>;
}

/** Resolves every registered {@link CrmConnector} (`container.resolveAll(CrmConnectorToken)`). */
export const CrmConnectorToken: InjectionToken<CrmConnector> = Symbol.for('warmpath.CrmConnector');
