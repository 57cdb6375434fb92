import { newId } from '@warmpath/db';
import { hashIp } from '../common/ip-hash.js';
import { REF_PARAM } from '../links/link-code-format.js';
import type { ClickToRecord } from '../links/link-target.js';
import type { SeededRandom } from './seeded-random.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A demo referrer's link, as the clicks on it need it. */
export interface DemoLink {
  enrollmentId: string;
  trackId: string;
  participantId: string;
  code: string;
  landingUrl: string;
  /** Relative share of the clicks. */
  weight: number;
}

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0',
];
const BOTS = [
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
];
const SOURCES = ['linkedin', 'newsletter', 'email', 'slack', 'event'];
/** Visitors come from the documentation address ranges (RFC 5737), so no real address is ever stored. */
const VISITORS = 90;

/**
 * About `perDay` clicks a day over the `days` days before `now`: fewer at weekends, a slow upward trend, one
 * newsletter day with a spike, and a few link-preview bots (stored, flagged, never counted). Times fall in working
 * hours, UTC. Returned oldest first.
 */
export function demoClicks(
  links: readonly DemoLink[],
  options: { now: Date; days: number; perDay: number; ipHashSalt: string; random: SeededRandom },
): ClickToRecord[] {
  const { now, days, perDay, ipHashSalt, random } = options;
  const totalWeight = links.reduce((sum, link) => sum + link.weight, 0);
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const spikeDay = Math.floor(days / 3);
  const clicks: ClickToRecord[] = [];
  for (let day = days; day >= 0; day--) {
    const dayStart = today - day * DAY_MS;
    const weekday = new Date(dayStart).getUTCDay();
    const isWeekend = weekday === 0 || weekday === 6;
    const trend = 0.7 + (0.6 * (days - day)) / days;
    const spike = day === spikeDay ? 2.5 : 1;
    const expected = perDay * trend * spike * (isWeekend ? 0.35 : 1);
    const count = Math.max(0, Math.round(expected * (0.7 + 0.6 * random.next())));
    for (let n = 0; n < count; n++) {
      const at = new Date(dayStart + random.int(7, 19) * HOUR_MS + random.int(0, 59) * 60_000);
      if (at.getTime() > now.getTime()) continue;
      const link = weightedPick(links, totalWeight, random);
      const isBot = random.chance(0.07);
      const visitor = random.int(1, VISITORS);
      clicks.push({
        id: newId(),
        enrollmentId: link.enrollmentId,
        trackId: link.trackId,
        participantId: link.participantId,
        occurredAt: at,
        ipHash: hashIp(visitor % 2 === 0 ? `203.0.113.${visitor}` : `198.51.100.${visitor}`, ipHashSalt),
        userAgent: isBot ? random.pick(BOTS) : random.pick(BROWSERS),
        isBot,
        destination: withRef(link),
        query: random.chance(0.8) ? { utm_source: random.pick(SOURCES) } : {},
      });
    }
  }
  return clicks.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

function withRef(link: DemoLink): string {
  const url = new URL(link.landingUrl);
  url.searchParams.set(REF_PARAM, link.code);
  return url.toString();
}

function weightedPick(links: readonly DemoLink[], totalWeight: number, random: SeededRandom): DemoLink {
  let remaining = random.next() * totalWeight;
  for (const link of links) {
    remaining -= link.weight;
    if (remaining < 0) return link;
  }
  const last = links.at(-1);
  if (!last) throw new Error('demoClicks() needs at least one link');
  return last;
}
