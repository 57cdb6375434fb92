import type { FastifyReply } from 'fastify';
import type { Config } from '../config/load-config.js';

export const STAFF_SESSION_COOKIE = 'wp_staff_session';
export const PORTAL_SESSION_COOKIE = 'wp_portal_session';

/**
 * `Secure` cookies are not sent over plain http, which would break sign-in on `http://localhost`. Only a plain-http
 * loopback PUBLIC_URL turns it off; any other http URL keeps it on (and sign-in then needs TLS in front).
 */
export function isSecureCookie(config: Pick<Config, 'PUBLIC_URL'>): boolean {
  const url = new URL(config.PUBLIC_URL);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return !(url.protocol === 'http:' && loopback);
}

function cookieOptions(config: Pick<Config, 'PUBLIC_URL'>, expires: Date) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isSecureCookie(config), expires };
}

export function setStaffSessionCookie(
  config: Pick<Config, 'PUBLIC_URL'>,
  reply: FastifyReply,
  token: string,
  expires: Date,
) {
  reply.setCookie(STAFF_SESSION_COOKIE, token, cookieOptions(config, expires));
}

export function clearStaffSessionCookie(config: Pick<Config, 'PUBLIC_URL'>, reply: FastifyReply) {
  reply.clearCookie(STAFF_SESSION_COOKIE, cookieOptions(config, new Date(0)));
}

/** Signs a participant into the portal (login links, magic links, self-enrolment, password). */
export function setPortalSessionCookie(
  config: Pick<Config, 'PUBLIC_URL'>,
  reply: FastifyReply,
  token: string,
  expires: Date,
) {
  reply.setCookie(PORTAL_SESSION_COOKIE, token, cookieOptions(config, expires));
}

/** Signs the participant out of the portal in this browser. */
export function clearPortalSessionCookie(config: Pick<Config, 'PUBLIC_URL'>, reply: FastifyReply) {
  reply.clearCookie(PORTAL_SESSION_COOKIE, cookieOptions(config, new Date(0)));
}
