import { createHmac } from 'node:crypto';

/**
 * The only form in which Warmpath keeps a client IP: an HMAC keyed by a secret salt (derived from
 * WARMPATH_SECRET_KEY), so the same address gives the same hash for velocity and click-flood checks but cannot be
 * reversed by trying all IPv4 addresses without the key.
 */
export function hashIp(ip: string, salt: string): string {
  return createHmac('sha256', `warmpath:ip:${salt}`)
    .update(ip.trim().toLowerCase())
    .digest('base64url')
    .slice(0, 22);
}
