import { Link } from '@tanstack/react-router';
import { Badge, buttonClassName, Card, CopyButton, MultilineText, TrackKindBadge } from '@warmpath/ui';
import { trackBrandStyle } from '../../components/track-brand-style.js';
import type { MyTrack } from './my-track.js';

/** One of my tracks: its copy, my link with a copy button and click count, sharing, and the way to refer. */
export function MyTrackCard({ track }: { track: MyTrack }) {
  const linkId = `link-${track.slug}`;
  return (
    <Card
      className="my-track"
      // The track's colour for the card's border, its links and the "Refer a company" button.
      style={trackBrandStyle(track.copy)}
      title={track.name}
      headingLevel={2}
      description={track.copy.headline}
      actions={<TrackKindBadge kind={track.kind} />}
    >
      {track.copy.description ? (
        <MultilineText className="my-track__description" text={track.copy.description} />
      ) : null}

      <dl className="my-track__stats">
        <div>
          <dt>Clicks on your link</dt>
          <dd>{track.clickCount.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Referrals made</dt>
          <dd>{track.referralCount.toLocaleString()}</dd>
          {track.referralCount > 0 ? (
            <dd className="my-track__stat-link">
              <Link to="/referrals">See my referrals</Link>
            </dd>
          ) : null}
        </div>
      </dl>

      <div className="my-track__link">
        <label htmlFor={linkId} className="wp-field__label">
          Your referral link for {track.name}
        </label>
        <div className="my-track__link-row">
          <input
            id={linkId}
            className="wp-field__input"
            readOnly
            value={track.link.url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={track.link.url} label="Copy link" context={`for ${track.name}`} />
        </div>
      </div>

      <div className="my-track__share">
        <h3 className="my-track__share-title">Share</h3>
        <p className="my-track__share-text">{track.share.linkedin.text}</p>
        <div className="my-track__share-actions">
          <a
            className={buttonClassName({ variant: 'secondary', size: 'sm' })}
            href={track.share.linkedin.shareUrl}
            target="_blank"
            rel="noopener noreferrer"
          >
            Share on LinkedIn<span className="wp-visually-hidden"> (opens in a new tab)</span>
          </a>
          <CopyButton
            value={track.share.linkedin.text}
            label="Copy post text"
            context={`for ${track.name}`}
          />
          <a
            className={buttonClassName({ variant: 'secondary', size: 'sm' })}
            href={track.share.email.mailto}
          >
            Share by email
          </a>
        </div>
      </div>

      <div className="my-track__refer">
        {track.acceptsReferrals ? (
          <Link
            to="/referrals/new"
            search={{ track: track.slug }}
            className={buttonClassName({ variant: 'primary' })}
          >
            Refer a company<span className="wp-visually-hidden"> to {track.name}</span>
          </Link>
        ) : (
          <Badge tone="warning">Paused: new referrals open again soon</Badge>
        )}
      </div>
    </Card>
  );
}
