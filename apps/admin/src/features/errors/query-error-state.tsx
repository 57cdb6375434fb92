import { type QueryErrorStateProps, QueryErrorState as UiQueryErrorState } from '@warmpath/ui';
import { describeError } from '../../api/errors.js';

/** ui's `QueryErrorState` in the console's words for API errors. */
export function QueryErrorState(props: Omit<QueryErrorStateProps, 'describeError'>) {
  return <UiQueryErrorState {...props} describeError={describeError} />;
}
