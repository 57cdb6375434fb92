import { Link } from '@tanstack/react-router';
import { Badge, formatDate, ReferralStageBadge, Table, type TableColumn } from '@warmpath/ui';
import type { ReactNode } from 'react';
import type { ReferralListItem } from '../../api/types.js';

const columns: ReadonlyArray<TableColumn<ReferralListItem>> = [
  {
    id: 'company',
    header: 'Company',
    isRowHeader: true,
    cell: (referral) => (
      <span className="stacked-cell">
        <Link to="/referrals/$referralId" params={{ referralId: referral.id }}>
          {referral.company.name}
        </Link>
        <span className="muted-text">{referral.company.domain}</span>
      </span>
    ),
  },
  { id: 'stage', header: 'Stage', cell: (referral) => <ReferralStageBadge stage={referral.status} /> },
  { id: 'track', header: 'Track', hideOnSmallScreens: true, cell: (referral) => referral.track.name },
  { id: 'referrer', header: 'Referrer', cell: (referral) => referral.participant.name },
  {
    id: 'owner',
    header: 'Owner',
    hideOnSmallScreens: true,
    cell: (referral) => referral.owner?.name ?? 'Unassigned',
  },
  {
    id: 'signals',
    header: 'Signals',
    cell: (referral) => <ReferralSignals referral={referral} />,
  },
  {
    id: 'submitted',
    header: 'Submitted',
    hideOnSmallScreens: true,
    cell: (referral) => formatDate(referral.createdAt),
  },
];

/**
 * SLA and fraud flags worth a reviewer's attention, in words. With none, a table cell shows a dash under its
 * "Signals" heading; a board card (`whenNone={null}`) shows nothing, as a lone dash on a card means nothing.
 */
export function ReferralSignals({
  referral,
  whenNone = <span className="muted-text">—</span>,
}: {
  referral: ReferralListItem;
  whenNone?: ReactNode;
}) {
  const signals: ReactNode[] = [];
  if (referral.isSlaBreached)
    signals.push(
      <Badge key="sla" tone="danger">
        SLA breached
      </Badge>,
    );
  if (referral.fraud.decision !== 'allow') {
    signals.push(
      <Badge key="fraud" tone="warning">
        Fraud score {referral.fraud.score}
      </Badge>,
    );
  }
  if (referral.duplicateOfId) signals.push(<Badge key="duplicate">Possible duplicate</Badge>);
  return signals.length > 0 ? <span className="badge-row">{signals}</span> : whenNone;
}

/** The pipeline as a table. */
export function ReferralsTable({
  referrals,
  empty,
}: {
  referrals: ReadonlyArray<ReferralListItem>;
  empty: ReactNode;
}) {
  return (
    <Table
      caption="Referrals"
      isCaptionHidden
      columns={columns}
      rows={referrals}
      rowKey={(referral) => referral.id}
      empty={empty}
    />
  );
}
