import { buttonClassName, CopyButton, FormAlert } from '@warmpath/ui';
import type { MyTrack } from './my-track.js';

/**
 * My referral link for a track with its copy button and ready-made posts, or, while the track is paused, word that
 * the link is not active: a paused track's link answers 404, so nothing offers it to be copied or shared.
 */
export function MyTrackLink({ track }: { track: Pick<MyTrack, 'slug' | 'name' | 'link' | 'share'> }) {
  const { link, share } = track;
  if (!link || !share) {
    return (
      <FormAlert tone="info" className="my-track__link">
        This programme is paused; your link is not active.
      </FormAlert>
    );
  }
  const linkId = `link-${track.slug}`;
  return (
    <>
      <div className="my-track__link">
        <label htmlFor={linkId} className="wp-field__label">
          Your referral link for {track.name}
        </label>
        <div className="my-track__link-row">
          <input
            id={linkId}
            className="wp-field__input"
            readOnly
            value={link.url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={link.url} label="Copy link" context={`for ${track.name}`} />
        </div>
      </div>

      <div className="my-track__share">
        <h3 className="my-track__share-title">Share</h3>
        <p className="my-track__share-text">{share.linkedin.text}</p>
        <div className="my-track__share-actions">
          <a
            className={buttonClassName({ variant: 'secondary', size: 'sm' })}
            href={share.linkedin.shareUrl}
            target="_blank"
            rel="noopener noreferrer"
          >
            Share on LinkedIn<span className="wp-visually-hidden"> (opens in a new tab)</span>
          </a>
          <CopyButton value={share.linkedin.text} label="Copy post text" context={`for ${track.name}`} />
          <a className={buttonClassName({ variant: 'secondary', size: 'sm' })} href={share.email.mailto}>
            Share by email
          </a>
        </div>
      </div>
    </>
  );
}
