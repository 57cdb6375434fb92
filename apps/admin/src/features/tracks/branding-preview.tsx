import type { TrackDraft } from './track-draft.js';

/** Props of {@link BrandingPreview}. */
export interface BrandingPreviewProps {
  draft: Pick<TrackDraft, 'name' | 'headline' | 'description' | 'shareText' | 'primaryColor'>;
}

const fallbackColor = '#c2410c';

/** Black or white, whichever reads better on `hex` (WCAG relative luminance), so any brand colour stays legible. */
function readableTextOn(hex: string): string {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // White wins when its contrast (1.05 / (L + 0.05)) beats black's ((L + 0.05) / 0.05).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#1c1a17';
}

/** How the track's card looks to referrers in the portal, updated as the copy and colour are typed. */
export function BrandingPreview({ draft }: BrandingPreviewProps) {
  const color = /^#[0-9a-fA-F]{6}$/.test(draft.primaryColor) ? draft.primaryColor : fallbackColor;
  return (
    <figure className="branding-preview">
      <figcaption className="branding-preview__caption">Portal preview</figcaption>
      <div className="branding-preview__card" style={{ borderTopColor: color }}>
        <p className="branding-preview__eyebrow">{draft.name || 'Track name'}</p>
        <p className="branding-preview__headline">{draft.headline || 'Know a company that needs us?'}</p>
        <p className="branding-preview__description">
          {draft.description || 'Introduce them, and follow the introduction from here.'}
        </p>
        {draft.shareText ? <p className="branding-preview__share">“{draft.shareText}”</p> : null}
        <span
          className="branding-preview__button"
          style={{ background: color, color: readableTextOn(color) }}
        >
          Refer a company
        </span>
      </div>
    </figure>
  );
}
