import { formatDateTime, ReferralStageBadge } from '@warmpath/ui';
import type { ReferralDetail } from '../../api/types.js';

/** The referral's stage changes as a timeline, oldest first: who moved it, when and why. */
export function ReferralHistory({ history }: { history: ReferralDetail['history'] }) {
  return (
    <ol className="timeline">
      {history.map((entry) => (
        <li key={`${entry.at}-${entry.to}`} className="timeline__item">
          <span className="timeline__marker" aria-hidden="true" />
          <div className="timeline__content">
            <p>
              <ReferralStageBadge stage={entry.to} />{' '}
              <span className="muted-text">by {entry.actor.name}</span>
            </p>
            <p className="muted-text">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </p>
            {entry.reason ? <p className="timeline__reason">{entry.reason}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
