import { type ClickToRecord, hashIp, type LinkTarget } from '@warmpath/core';
import { isbot } from 'isbot';
import { LRUCache } from 'lru-cache';
import { newClickId } from './click-id.js';

const MAX_USER_AGENT = 512;
const MAX_QUERY_KEYS = 30;
const MAX_QUERY_KEY = 64;
const MAX_QUERY_VALUE = 512;
const MEMO_ENTRIES = 10_000;

/**
 * The landing's query parameters as stored with the click (paid-ad ids such as `gclid` are fraud signals): strings
 * only, the first of repeated ones, bounded in count and length so a crafted URL cannot bloat the table.
 */
export function clickQuery(query: unknown): Record<string, string> | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  let stored: Record<string, string> | undefined;
  let count = 0;
  for (const key in query) {
    if (count >= MAX_QUERY_KEYS) break;
    const raw: unknown = (query as Record<string, unknown>)[key];
    const value: unknown = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== 'string') continue;
    stored ??= {};
    stored[key.slice(0, MAX_QUERY_KEY)] = value.slice(0, MAX_QUERY_VALUE);
    count++;
  }
  return stored;
}

/**
 * What the redirect observed of one click, as plain data: cheap to capture on the request path and to hand to
 * another thread. The click row (id, IP hash, bot flag) is made from it later by a {@link ClickFactory}.
 */
export interface ClickFacts {
  /** Epoch milliseconds. */
  at: number;
  method: string;
  /** The client address as Fastify resolved it (`trustProxy`); never stored as such. */
  ip: string;
  userAgent: string | undefined;
  enrollmentId: string;
  trackId: string;
  participantId: string;
  destination: string;
  /** The landing's query parameters (see {@link clickQuery}); undefined when there were none. */
  query: Record<string, string> | undefined;
}

/** The parts of an HTTP request a click is observed from (a Fastify request fits). */
export interface ClickRequest {
  method: string;
  ip: string;
  headers: { 'user-agent'?: string | undefined };
  query: unknown;
}

/** The facts of a click on `link` answered with `destination` at `at` (epoch ms). */
export function clickFactsOf(
  request: ClickRequest,
  link: Pick<LinkTarget, 'enrollmentId' | 'trackId' | 'participantId'>,
  destination: string,
  at: number,
): ClickFacts {
  return {
    at,
    method: request.method,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    enrollmentId: link.enrollmentId,
    trackId: link.trackId,
    participantId: link.participantId,
    destination,
    query: clickQuery(request.query),
  };
}

/** `compute` remembered for the most recent few thousand distinct inputs (visitors repeat their IP and user agent). */
function memoise<T extends {}>(compute: (input: string) => T): (input: string) => T {
  const memo = new LRUCache<string, T>({ max: MEMO_ENTRIES, memoMethod: (input) => compute(input) });
  return (input) => memo.memo(input);
}

/** Builds the click row from its facts: the IP only as its salted hash, the user agent truncated, bots flagged. */
export type ClickFactory = (facts: ClickFacts) => ClickToRecord;

/**
 * A {@link ClickFactory} for one IP salt. A visitor is a bot when `isbot` says so, when it sends no user agent at
 * all (scripts), or for a HEAD request (link previews, uptime checkers): such clicks are kept for fraud analysis but
 * never counted or credited. `isbot` and the IP hash are memoised: each costs microseconds per call, which the
 * redirect would pay on every click of a returning visitor.
 */
export function createClickFactory(options: { ipHashSalt: string }): ClickFactory {
  const isBotAgent = memoise((userAgent) => isbot(userAgent));
  const hashOf = memoise((ip) => hashIp(ip, options.ipHashSalt));
  return (facts) => {
    const { userAgent } = facts;
    return {
      id: newClickId(facts.at),
      enrollmentId: facts.enrollmentId,
      trackId: facts.trackId,
      participantId: facts.participantId,
      occurredAt: new Date(facts.at),
      ipHash: facts.ip ? hashOf(facts.ip) : null,
      userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null,
      isBot: facts.method === 'HEAD' || !userAgent || isBotAgent(userAgent),
      destination: facts.destination,
      query: facts.query ?? {},
    };
  };
}
