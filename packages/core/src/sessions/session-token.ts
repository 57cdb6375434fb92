import { randomBase32 } from '../common/crypto.js';

// 15 bytes → 24 base32 characters (120 bits) for the id, 20 bytes → 32 characters (160 bits) for the secret.
const ID_BYTES = 15;
const SECRET_BYTES = 20;
const TOKEN_PATTERN = /^([a-z2-7]{24})\.([a-z2-7]{32})$/;

/** A new session id and secret; the token handed to the client is `<id>.<secret>`. */
export function generateSessionCredentials(): { id: string; secret: string; token: string } {
  const id = randomBase32(ID_BYTES);
  const secret = randomBase32(SECRET_BYTES);
  return { id, secret, token: `${id}.${secret}` };
}

/** The id and secret of a well-formed token, or null for anything else. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match?.[1] || !match[2]) return null;
  return { id: match[1], secret: match[2] };
}
