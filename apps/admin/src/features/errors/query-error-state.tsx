import { ErrorState, type ErrorStateProps } from '@warmpath/ui';
import { describeError } from '../../api/errors.js';

/** The parts of a failed TanStack query that {@link QueryErrorState} shows and retries. */
export interface FailedQuery {
  error: unknown;
  refetch: () => unknown;
  isRefetching: boolean;
}

/** Props of {@link QueryErrorState}: an `ErrorState` whose message and retry come from the query. */
export interface QueryErrorStateProps extends Omit<ErrorStateProps, 'message' | 'onRetry' | 'isRetrying'> {
  query: FailedQuery;
}

/** Why a query failed, in the reader's words, with "Try again" refetching it. */
export function QueryErrorState({ query, ...props }: QueryErrorStateProps) {
  return (
    <ErrorState
      {...props}
      message={describeError(query.error)}
      onRetry={() => void query.refetch()}
      isRetrying={query.isRefetching}
    />
  );
}
