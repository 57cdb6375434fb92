import { router } from '../../trpc.js';
import { apiKeyCreate } from './create.js';
import { apiKeysList } from './list.js';
import { apiKeyRevoke } from './revoke.js';

/** `admin.apiKeys.*`: the console's API key management. */
export const adminApiKeysRouter = router({ list: apiKeysList, create: apiKeyCreate, revoke: apiKeyRevoke });
