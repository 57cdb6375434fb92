import { randomBytes } from 'node:crypto';

/** Standard Webhooks' prefix of a signing secret. */
const SECRET_PREFIX = 'whsec_';

/** Bytes of key material: the spec asks for 24 to 64. */
const SECRET_BYTES = 32;

/** A new signing secret in the Standard Webhooks format: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}
