import type { PortalCopy } from '../tracks/track-settings.schema.js';

/** Ready-made sharing for one referral link: a LinkedIn post and an email. */
export interface ShareText {
  linkedin: { text: string; shareUrl: string };
  email: { subject: string; body: string; mailto: string };
}

/** Where the track's share text names the link; without it the link is appended. */
export const SHARE_LINK_PLACEHOLDER = '{link}';

/**
 * Share text for a referral link: the track's `portalCopy.shareText` when it has one (with `{link}` replaced by the
 * link, or the link appended), otherwise a plain default naming the track.
 */
export function buildShareText(track: { name: string; copy: PortalCopy }, linkUrl: string): ShareText {
  const template = track.copy.shareText?.trim();
  const text = template
    ? template.includes(SHARE_LINK_PLACEHOLDER)
      ? template.split(SHARE_LINK_PLACEHOLDER).join(linkUrl)
      : `${template} ${linkUrl}`
    : `I recommend ${track.name}. If it could help you or your team, you can start here: ${linkUrl}`;
  const subject = track.copy.headline?.trim() || `An introduction: ${track.name}`;
  const body = `Hi,\n\n${text}\n\nBest regards`;
  return {
    linkedin: {
      text,
      // LinkedIn's share dialog takes only the URL; the text is for the person to paste.
      shareUrl: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(linkUrl)}`,
    },
    email: {
      subject,
      body,
      mailto: `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`,
    },
  };
}
