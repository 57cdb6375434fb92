import { brandColorVariables, buttonClassName, cx, MultilineText } from '@warmpath/ui';
import type { CSSProperties } from 'react';
import type { TrackDraft } from './track-draft.js';

/** Props of {@link BrandingPreview}. */
export interface BrandingPreviewProps {
  draft: Pick<TrackDraft, 'name' | 'headline' | 'description' | 'shareText' | 'primaryColor'>;
}

/**
 * How the track's card looks to referrers in the portal, updated as the copy and colour are typed. The colour is
 * applied as the portal applies it (the same custom properties, the same primary button), so the preview matches:
 * the card's top border and the "Refer a company" button, labelled in white or black, whichever reads on it.
 */
export function BrandingPreview({ draft }: BrandingPreviewProps) {
  const style = brandColorVariables(draft.primaryColor.trim()) as CSSProperties;
  return (
    <figure className="branding-preview">
      <figcaption className="branding-preview__caption">Portal preview</figcaption>
      <div className="branding-preview__card" style={style}>
        <p className="branding-preview__eyebrow">{draft.name || 'Track name'}</p>
        <p className="branding-preview__headline">{draft.headline || 'Know a company that needs us?'}</p>
        <MultilineText
          className="branding-preview__description"
          text={draft.description.trim() || 'Introduce them, and follow the introduction from here.'}
        />
        {draft.shareText ? <p className="branding-preview__share">“{draft.shareText}”</p> : null}
        <span className={cx(buttonClassName({ variant: 'primary' }), 'branding-preview__button')}>
          Refer a company
        </span>
      </div>
    </figure>
  );
}
