import type { InjectionToken } from 'tsyringe';
import type { ConnectionCheck } from '../dto/connection-check.schema.js';
import type { PluginHttpRequest } from '../dto/plugin-http.schema.js';
import type {
  CatalogItem,
  RewardIssueRequest,
  RewardIssueResult,
  RewardStatusReport,
  RewardWebhookResult,
} from './reward.schema.js';

/**
 * Pays approved rewards (gift cards, payouts, donations…) through an external provider.
 * Register with `ctx.rewards.add(name, factory)`.
 */
export interface RewardProvider {
  /** The version of this interface the implementation follows. */
  readonly apiVersion: 1;

  /**
   * Checks that the credentials and settings reach the provider (the admin console's "Test connection").
   * Reports failure as `{ ok: false, message }`; never throws for a bad connection.
   */
  verifyConnection(): Promise<ConnectionCheck>;

  /** Lists what rewards can be paid as; may be empty when the provider has no catalogue. */
  catalog(): Promise<CatalogItem[]>;

  /**
   * Pays one reward. Idempotent by `idempotencyKey`: a repeat with the same key and parameters returns the first
   * result without paying again; the same key with different parameters is refused (throw
   * {@link IdempotencyConflictError}). Pass the key to the provider's own idempotency mechanism.
   */
  issue(request: RewardIssueRequest): Promise<RewardIssueResult>;

  /** Reads the current state of an issued reward. */
  status(ref: string): Promise<RewardStatusReport>;

  /** Verifies and parses an inbound provider webhook; refuses requests it cannot verify. */
  parseWebhook?(request: PluginHttpRequest): Promise<RewardWebhookResult>;
}

/** Resolves every registered {@link RewardProvider}. */
export const RewardProviderToken: InjectionToken<RewardProvider> = Symbol.for('warmpath.RewardProvider');

/** Thrown by `issue()` when an idempotency key is reused with different parameters: never pay twice. */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';

  /** @param idempotencyKey the key that was reused. */
  constructor(readonly idempotencyKey: string) {
    super(`Idempotency key "${idempotencyKey}" was already used with different parameters`);
  }
}
