import { z } from 'zod';

/**
 * Every permission an API key can carry: mostly `resource:read|write`; `referrals:review` also decides referrals
 * fraud rules hold for review; `api-keys:read|write` list and create/revoke keys over REST; `plugins:read|write`
 * read and change plugin instance settings (secrets stay write-only).
 */
export const API_SCOPES = [
  'tracks:read',
  'tracks:write',
  'participants:read',
  'participants:write',
  'referrals:read',
  'referrals:write',
  'referrals:review',
  'events:write',
  'webhooks:read',
  'webhooks:write',
  'audit:read',
  'api-keys:read',
  'api-keys:write',
  'plugins:read',
  'plugins:write',
] as const;
export type Scope = (typeof API_SCOPES)[number];

export const scopeSchema = z.enum(API_SCOPES);

/** True when `value` is one of {@link API_SCOPES}. */
export function isScope(value: string): value is Scope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Input of `ApiKeyService.createApiKey`; repeated scopes are kept once. */
export const createApiKeyInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(scopeSchema)
    .min(1, 'Give the key at least one scope')
    .transform((scopes) => [...new Set(scopes)]),
  /** The staff user creating the key, if any. */
  createdBy: z.uuid().nullable().optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInputSchema>;

/** An API key as listed: the secret is never part of it, only its visible `prefix`. */
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(scopeSchema),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** An API key as created: the record and, this once, its secret `key`. */
export const createdApiKeySchema = apiKeySchema.extend({
  key: z.string().describe('The secret key. Shown only in this answer: store it now.'),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/** `POST /api/v1/api-keys` body: a name and the scopes, each of which the creating key must hold. */
export const restCreateApiKeyInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(scopeSchema).min(1, 'Give the key at least one scope').max(50),
});
export type RestCreateApiKeyInput = z.input<typeof restCreateApiKeyInputSchema>;

/** A page of `ApiKeyService.listPage`, newest first; unknown fields are rejected. */
export const apiKeyListQuerySchema = z.strictObject({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});
export type ApiKeyListQuery = z.input<typeof apiKeyListQuerySchema>;

/** A page of keys; `nextCursor` is null on the last page. */
export interface ApiKeyPage {
  data: ApiKey[];
  nextCursor: string | null;
}

/** Audit actions written by `ApiKeyService`. */
export const API_KEY_AUDIT_ACTIONS = {
  created: 'api_key.created',
  revoked: 'api_key.revoked',
  scopesChanged: 'api_key.scopes_changed',
} as const;
