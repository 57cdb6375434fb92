import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { ErrorState } from '@warmpath/ui';
import { describeError } from '../../api/errors.js';

/** Shown when a page could not load; "Try again" re-runs its guards and loaders. */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <ErrorState
      title="This page could not load"
      headingLevel={1}
      message={describeError(error)}
      onRetry={() => void router.invalidate()}
      isFullPage
    />
  );
}
