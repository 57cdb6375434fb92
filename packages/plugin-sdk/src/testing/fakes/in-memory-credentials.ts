import type { JsonObject } from '../../dto/json.schema.js';
import { JsonObjectSchema } from '../../dto/json.schema.js';
import { toJsonValue } from '../../host/to-json-value.js';
import type { CredentialStore, CredentialVault } from '../../ports/credentials.js';

/** Credential records in memory (unencrypted: tests only). */
export class InMemoryCredentialVault implements CredentialVault {
  private readonly records = new Map<string, JsonObject>();

  forInstance(pluginId: string, instance: string): CredentialStore {
    const id = `${pluginId}:${instance}`;
    return {
      get: async () => this.peek(pluginId, instance),
      set: async (record) => {
        this.records.set(id, JsonObjectSchema.parse(toJsonValue(record)));
      },
      clear: async () => {
        this.records.delete(id);
      },
    };
  }

  /** The record of an instance, or null (a copy). */
  peek(pluginId: string, instance = 'default'): JsonObject | null {
    const record = this.records.get(`${pluginId}:${instance}`);
    return record ? JsonObjectSchema.parse(toJsonValue(record)) : null;
  }
}
