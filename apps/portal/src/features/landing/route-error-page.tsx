import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { ErrorState } from '@warmpath/ui';
import { useState } from 'react';
import { describeError } from '../../api/errors.js';

/**
 * What a page shows when what it needs before rendering failed (the server is unreachable while checking who is
 * signed in): the reason in plain words and a way to try again, instead of a blank page.
 */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const [isRetrying, setIsRetrying] = useState(false);
  const retry = async () => {
    setIsRetrying(true);
    try {
      await router.invalidate();
      reset();
    } finally {
      setIsRetrying(false);
    }
  };
  return (
    <ErrorState
      headingLevel={1}
      title="This page could not load"
      message={describeError(error)}
      onRetry={() => void retry()}
      isRetrying={isRetrying}
    />
  );
}
