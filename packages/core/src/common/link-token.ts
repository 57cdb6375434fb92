import { randomBase32, sha256Hex } from './crypto.js';

// 20 random bytes → 32 base32 characters (160 bits): not guessable within any link's lifetime.
const TOKEN_BYTES = 20;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** A new emailed-link token and the hash to store: only the hash is kept, so a leaked table signs no one in. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBase32(TOKEN_BYTES);
  return { token, tokenHash: sha256Hex(token) };
}

/** The stored hash of a presented token, or null when it cannot be one of ours (saves a database round trip). */
export function linkTokenHash(token: string): string | null {
  return typeof token === 'string' && TOKEN_PATTERN.test(token) ? sha256Hex(token) : null;
}
