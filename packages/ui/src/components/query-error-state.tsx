import { ErrorState, type ErrorStateProps } from './error-state.js';

/** The parts of a failed TanStack query that {@link QueryErrorState} shows and retries. */
export interface FailedQuery {
  error: unknown;
  refetch: () => unknown;
  isRefetching: boolean;
}

/** Props of {@link QueryErrorState}: an `ErrorState` whose message and retry come from the query. */
export interface QueryErrorStateProps extends Omit<ErrorStateProps, 'message' | 'onRetry' | 'isRetrying'> {
  query: FailedQuery;
  /** The app's words for an error (each app knows its API's error codes). */
  describeError: (error: unknown) => string;
}

/** Why a query failed, in the reader's words, with "Try again" refetching it. */
export function QueryErrorState({ query, describeError, ...props }: QueryErrorStateProps) {
  return (
    <ErrorState
      {...props}
      message={describeError(query.error)}
      onRetry={() => void query.refetch()}
      isRetrying={query.isRefetching}
    />
  );
}
