export {
  API_KEY_AUDIT_ACTIONS,
  API_SCOPES,
  type ApiKey,
  type ApiKeyListQuery,
  type ApiKeyPage,
  apiKeyListQuerySchema,
  apiKeySchema,
  type CreateApiKeyInput,
  type CreatedApiKey,
  createApiKeyInputSchema,
  createdApiKeySchema,
  isScope,
  type RestCreateApiKeyInput,
  restCreateApiKeyInputSchema,
  type Scope,
  scopeSchema,
} from './api-key.schema.js';
export {
  ApiKeyService,
  type ApiKeyServiceDeps,
  assertScope,
  type EnsureBootstrapKeyOutcome,
} from './api-key.service.js';
export {
  type ApiKeyManager,
  assertHoldsScopes,
  SYSTEM_KEY_MANAGER,
  scopesHeldBy,
} from './api-key-manager.js';
export { API_KEY_PREFIX } from './api-key-secret.js';
