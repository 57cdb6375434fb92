import { EmptyState, Icon } from '@warmpath/ui';

/** What the console shows before the first track exists, and how to create one today. */
export function NoTracksYet() {
  return (
    <EmptyState
      icon={<Icon name="tracks" size={24} />}
      title="No tracks yet"
      headingLevel={3}
      description={
        <>
          A track is one lane of your referral program, such as client, partner or employee referrals. Create
          one with <code>POST /api/v1/tracks</code>; the track editor arrives in a later release.
        </>
      }
    />
  );
}
