import {
  buildLinkRedirects,
  findLinkTarget,
  type LinkRedirects,
  type LinkTarget,
  REF_PARAM,
} from '@warmpath/core';
import type { Runtime } from '../app/runtime.js';
import { LinkCache } from './link-cache.js';

/** A link code as the redirect serves it: its target plus everything per-request work would otherwise recompute. */
export interface CachedLink {
  readonly target: LinkTarget;
  readonly redirects: LinkRedirects;
  /** The complete `Set-Cookie` value of the `wp_ref` cookie. */
  readonly cookie: string;
}

/**
 * The first-party `wp_ref` cookie on Warmpath's own host, for the attribution window. HttpOnly: the tracking script
 * runs on the customer's site, a different host that can never read this cookie anyway (it learns the code from
 * the `wp_ref` query parameter and keeps its own cookie there), and no script of Warmpath's own pages needs it, so
 * hiding it from scripts costs nothing. Secure whenever Warmpath is served over https.
 */
export function refCookie(code: string, windowDays: number, isSecure: boolean): string {
  // Codes are [A-Za-z0-9_-] (LINK_CODE_PATTERN): nothing to escape.
  const maxAge = windowDays * 24 * 60 * 60;
  return `${REF_PARAM}=${code}; Max-Age=${maxAge}; Path=/; SameSite=Lax; HttpOnly${isSecure ? '; Secure' : ''}`;
}

/** Prepares a link target for the cache. */
export function toCachedLink(target: LinkTarget, options: { isSecure: boolean }): CachedLink {
  return {
    target,
    redirects: buildLinkRedirects(target),
    cookie: refCookie(target.code, target.attributionWindowDays, options.isSecure),
  };
}

/**
 * The link codes the redirect and the conversions endpoint answer from: loaded from the database on first use and
 * kept for `ttlMs` (a paused track's links stop within that time).
 */
export function createLinkTargetCache(
  runtime: Runtime,
  options: { ttlMs?: number | undefined } = {},
): LinkCache<CachedLink> {
  const isSecure = runtime.config.PUBLIC_URL.startsWith('https:');
  return new LinkCache<CachedLink>({
    load: async (code) => {
      const target = await findLinkTarget(runtime.database.db, code);
      return target && toCachedLink(target, { isSecure });
    },
    ...(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs }),
  });
}
