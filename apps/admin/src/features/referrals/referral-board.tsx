import { Link } from '@tanstack/react-router';
import { referralStageLabel } from '@warmpath/ui';
import type { ReferralBoardColumn } from '../../api/types.js';
import { pluralize } from '../../format/pluralize.js';
import { ReferralSignals } from './referrals-table.js';

/**
 * The pipeline of one track as columns by stage. Each column is a labelled list of links, so a keyboard or
 * screen-reader user moves through it like any list; moving a referral happens on its page, with a reason.
 */
export function ReferralBoard({ columns }: { columns: ReadonlyArray<ReferralBoardColumn> }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the board scrolls sideways; the keyboard must reach it.
    <section className="referral-board" aria-label="Pipeline board" tabIndex={0}>
      {columns.map((column) => {
        const headingId = `board-column-${column.status}`;
        return (
          <section key={column.status} className="referral-board__column" aria-labelledby={headingId}>
            <h3 id={headingId} className="referral-board__heading">
              {referralStageLabel(column.status)}{' '}
              <span className="referral-board__count">{column.count}</span>
            </h3>
            {column.cards.length === 0 ? (
              <p className="referral-board__empty">None</p>
            ) : (
              <ul className="referral-board__cards">
                {column.cards.map((card) => (
                  <li key={card.id} className="referral-board__card">
                    <Link
                      to="/referrals/$referralId"
                      params={{ referralId: card.id }}
                      className="referral-board__link"
                    >
                      {card.company.name}
                    </Link>
                    <span className="muted-text">by {card.participant.name}</span>
                    <span className="muted-text">
                      {card.owner ? `Owner: ${card.owner.name}` : 'Unassigned'}
                    </span>
                    <ReferralSignals referral={card} whenNone={null} />
                  </li>
                ))}
              </ul>
            )}
            {column.count > column.cards.length ? (
              <p className="referral-board__more">
                {pluralize(column.count - column.cards.length, 'more referral')}
              </p>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
