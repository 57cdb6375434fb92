import type { JsonObject } from '../dto/json.schema.js';

/**
 * The encrypted credential record of one plugin instance (OAuth tokens, API keys obtained at run time).
 * The host encrypts it at rest with `WARMPATH_SECRET_KEY`; write refreshed tokens back with `set` so every
 * worker sees them.
 */
export interface CredentialStore {
  /** The stored record, or null when none was stored. */
  get(): Promise<JsonObject | null>;
  /** Replaces the record. */
  set(record: JsonObject): Promise<void>;
  /** Removes the record (e.g. on disconnect). */
  clear(): Promise<void>;
}

/** Host port: the credential store of each plugin instance. */
export interface CredentialVault {
  forInstance(pluginId: string, instance: string): CredentialStore;
}
