import { type ClickToRecord, hashIp, type LinkTarget } from '@warmpath/core';
import { isbot } from 'isbot';
import { newClickId } from './click-id.js';

const MAX_USER_AGENT = 512;
const MAX_QUERY_KEYS = 30;
const MAX_QUERY_KEY = 64;
const MAX_QUERY_VALUE = 512;
const MEMO_ENTRIES = 10_000;

/** The parts of an HTTP request a click is made from (a Fastify request fits). */
export interface ClickRequest {
  method: string;
  ip: string;
  headers: { 'user-agent'?: string | undefined };
  query: unknown;
}

/**
 * The landing's query parameters as stored with the click (paid-ad ids such as `gclid` are fraud signals): strings
 * only, the first of repeated ones, bounded in count and length so a crafted URL cannot bloat the table.
 */
export function clickQuery(query: unknown): Record<string, string> {
  const stored: Record<string, string> = {};
  if (typeof query !== 'object' || query === null) return stored;
  let count = 0;
  for (const key in query) {
    if (count >= MAX_QUERY_KEYS) break;
    const raw: unknown = (query as Record<string, unknown>)[key];
    const value: unknown = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== 'string') continue;
    stored[key.slice(0, MAX_QUERY_KEY)] = value.slice(0, MAX_QUERY_VALUE);
    count++;
  }
  return stored;
}

/** `compute` remembered for the last few thousand distinct inputs (visitors repeat their IP and user agent). */
function memoise<T>(compute: (input: string) => T): (input: string) => T {
  const memo = new Map<string, T>();
  return (input) => {
    let value = memo.get(input);
    if (value === undefined) {
      value = compute(input);
      // Cleared rather than evicted one by one: simple, O(1), and the hot entries come back at once.
      if (memo.size >= MEMO_ENTRIES) memo.clear();
      memo.set(input, value);
    }
    return value;
  };
}

/** Builds the click a redirect records: the IP only as its salted hash, the user agent truncated, bots flagged. */
export type ClickFactory = (
  request: ClickRequest,
  link: LinkTarget,
  context: { destination: string; now: Date },
) => ClickToRecord;

/**
 * A {@link ClickFactory} for one IP salt. A visitor is a bot when `isbot` says so, when it sends no user agent at
 * all (scripts), or for a HEAD request (link previews, uptime checkers): such clicks are kept for fraud analysis but
 * never counted or credited. `isbot` and the IP hash are memoised: each costs microseconds per call, which the
 * redirect would pay on every click of a returning visitor.
 */
export function createClickFactory(options: { ipHashSalt: string }): ClickFactory {
  const isBotAgent = memoise((userAgent) => isbot(userAgent));
  const hashOf = memoise((ip) => hashIp(ip, options.ipHashSalt));
  return (request, link, { destination, now }) => {
    const userAgent = request.headers['user-agent'];
    return {
      id: newClickId(now.getTime()),
      enrollmentId: link.enrollmentId,
      trackId: link.trackId,
      participantId: link.participantId,
      occurredAt: now,
      ipHash: request.ip ? hashOf(request.ip) : null,
      userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null,
      isBot: request.method === 'HEAD' || !userAgent || isBotAgent(userAgent),
      destination,
      query: clickQuery(request.query),
    };
  };
}
