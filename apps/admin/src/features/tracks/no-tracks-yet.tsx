import { Link } from '@tanstack/react-router';
import { buttonClassName, EmptyState, Icon } from '@warmpath/ui';
import { Can } from '../../access/can.js';

/** What the console shows before the first track exists, and how to create one. */
export function NoTracksYet() {
  return (
    <EmptyState
      icon={<Icon name="tracks" size={24} />}
      title="No tracks yet"
      headingLevel={3}
      description="A track is one lane of your referral program, such as client, partner or employee referrals."
      action={
        <Can permission="tracks:write">
          <Link to="/tracks/new" className={buttonClassName({ variant: 'secondary' })}>
            Create the first track
          </Link>
        </Can>
      }
    />
  );
}
