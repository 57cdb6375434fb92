import { LoadingState } from '@warmpath/ui';

/** Shown while a page waits for its guard or loader. */
export function PendingPage() {
  return <LoadingState label="Loading…" isFullPage />;
}
