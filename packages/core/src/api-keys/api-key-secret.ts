import { randomBase32 } from '../common/crypto.js';

/** Every generated key starts with this, so secret scanners and people can recognise a Warmpath key. */
export const API_KEY_PREFIX = 'wp_';
const PREFIX_LENGTH = 12;
/** Longer keys are not looked up at all: no stored key is that long, and hashing stays cheap. */
export const MAX_API_KEY_LENGTH = 512;

/** A new key: `wp_` and 32 base32 characters (160 random bits). */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBase32(20)}`;
}

/**
 * The part of a key shown in lists: its first 12 characters. An operator-chosen bootstrap key may be short, so a
 * key under 32 characters shows only its first third rather than most of the secret.
 */
export function visiblePrefix(key: string): string {
  return key.slice(0, key.length >= 32 ? PREFIX_LENGTH : Math.floor(key.length / 3));
}
