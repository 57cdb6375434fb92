export {
  API_KEY_AUDIT_ACTIONS,
  API_SCOPES,
  type ApiKey,
  apiKeySchema,
  type CreateApiKeyInput,
  createApiKeyInputSchema,
  isScope,
  type Scope,
  scopeSchema,
} from './api-key.schema.js';
export {
  ApiKeyService,
  type ApiKeyServiceDeps,
  assertScope,
  type EnsureBootstrapKeyOutcome,
} from './api-key.service.js';
export { API_KEY_PREFIX } from './api-key-secret.js';
