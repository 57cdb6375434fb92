import { z } from 'zod';

/**
 * Every permission an API key can carry: mostly `resource:read|write`; `referrals:review` also decides referrals
 * fraud rules hold for review.
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

/** Audit actions written by `ApiKeyService`. */
export const API_KEY_AUDIT_ACTIONS = {
  created: 'api_key.created',
  revoked: 'api_key.revoked',
  scopesChanged: 'api_key.scopes_changed',
} as const;
