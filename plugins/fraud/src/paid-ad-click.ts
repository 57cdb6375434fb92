import type { FraudFlag, FraudRule, LandingClick } from '@warmpath/plugin-sdk';
import type { PaidAdClickSettings } from './settings.js';

/** Who adds each well-known click id, for messages a reviewer can act on. */
const CLICK_ID_SOURCES: Readonly<Record<string, string>> = {
  gclid: 'Google Ads',
  gbraid: 'Google Ads',
  wbraid: 'Google Ads',
  dclid: 'Google Display & Video 360',
  msclkid: 'Microsoft Advertising',
  li_fat_id: 'LinkedIn Ads',
  ttclid: 'TikTok Ads',
  twclid: 'X Ads',
  epik: 'Pinterest Ads',
  rdt_cid: 'Reddit Ads',
  fbclid: 'Facebook or Instagram',
};

/** Click ids are opaque tokens; a longer value is kept short in evidence. */
const MAX_EVIDENCE_VALUE_LENGTH = 200;

/** The landing click's parameters named in `names` (any case) with a non-empty value, keyed by lower-case name. */
function carriedParameters(click: LandingClick, names: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, value] of Object.entries(click.queryParams)) {
    const key = name.trim().toLowerCase();
    if (names.has(key) && value.trim() !== '' && !found.has(key)) {
      found.set(key, value.slice(0, MAX_EVIDENCE_VALUE_LENGTH));
    }
  }
  return found;
}

function describeParameters(found: Map<string, string>): string {
  return [...found.keys()]
    .map((name) => (CLICK_ID_SOURCES[name] ? `${name} (${CLICK_ID_SOURCES[name]})` : name))
    .join(', ');
}

/**
 * Flags a referral whose landing click carried an ad platform's click id: the "introduction" was bought with
 * ads (often on the company's own brand keywords), so the program would pay a reward for paid traffic.
 */
export function createPaidAdClickRule(settings: PaidAdClickSettings): FraudRule {
  const lowerCase = (names: string[]) => new Set(names.map((name) => name.toLowerCase()));
  const adClickIds = lowerCase(settings.adClickIdParameters);
  // A name in both lists counts as the stronger evidence.
  const socialClickIds = new Set(
    [...lowerCase(settings.socialClickIdParameters)].filter((name) => !adClickIds.has(name)),
  );

  return {
    apiVersion: 1,
    description: 'Flags a referral whose landing click carried a paid-ad click id (gclid, msclkid, fbclid…).',
    evaluate({ landingClick }) {
      if (!landingClick) return { score: 0, flags: [] };
      const flags: FraudFlag[] = [];
      let score = 0;
      const ads = carriedParameters(landingClick, adClickIds);
      if (ads.size > 0) {
        score = Math.max(score, settings.adClickIdScore);
        flags.push({
          code: 'paid_ad.click_id',
          message: `The referral link was reached through a paid ad: the landing click carried ${describeParameters(ads)}.`,
          evidence: { landingClickId: landingClick.id, parameters: Object.fromEntries(ads) },
        });
      }
      const social = carriedParameters(landingClick, socialClickIds);
      if (social.size > 0) {
        score = Math.max(score, settings.socialClickIdScore);
        flags.push({
          code: 'paid_ad.social_click_id',
          message: `The landing click carried ${describeParameters(social)}, which social networks add to ad clicks and to some organic link clicks alike.`,
          evidence: { landingClickId: landingClick.id, parameters: Object.fromEntries(social) },
        });
      }
      return { score, flags };
    },
  };
}
