import { Link } from '@tanstack/react-router';
import { Badge, buttonClassName, Card, MultilineText, TrackKindBadge } from '@warmpath/ui';
import { trackBrandStyle } from '../../components/track-brand-style.js';
import type { MyTrack } from './my-track.js';
import { MyTrackLink } from './my-track-link.js';

/** One of my tracks: its copy, my click count, my link with sharing (unless paused), and the way to refer. */
export function MyTrackCard({ track }: { track: MyTrack }) {
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

      <MyTrackLink track={track} />

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
