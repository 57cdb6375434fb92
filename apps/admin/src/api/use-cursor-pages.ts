import { type QueryKey, type UseQueryOptions, useQueries } from '@tanstack/react-query';
import { useState } from 'react';

/** A page of a cursor-paginated list procedure. */
interface CursorPage {
  nextCursor: string | null;
}

/**
 * Pages of a cursor-paginated list, loaded one "Load more" at a time. (tRPC's infinite queries add a `direction`
 * field to the input, which the console's strict input schemas refuse; this sends only the `cursor`.) The pages
 * start over whenever `filtersKey` changes.
 */
export function useCursorPages<Page extends CursorPage, TError, Key extends QueryKey>(
  filtersKey: string,
  optionsFor: (cursor: string | undefined) => UseQueryOptions<Page, TError, Page, Key>,
) {
  const [state, setState] = useState<{ key: string; cursors: string[] }>({ key: filtersKey, cursors: [] });
  const cursors = state.key === filtersKey ? state.cursors : [];
  const results = useQueries({
    queries: [optionsFor(undefined), ...cursors.map((cursor) => optionsFor(cursor))],
  });
  const [first] = results;
  const last = results.at(-1);
  const nextCursor = last?.data?.nextCursor ?? null;
  return {
    pages: results.flatMap((result) => (result.data ? [result.data] : [])),
    isPending: first?.isPending ?? true,
    isError: first?.isError ?? false,
    error: first?.error ?? null,
    isRefetching: first?.isRefetching ?? false,
    refetch: () => Promise.all(results.map((result) => result.refetch())),
    hasNextPage: nextCursor !== null && last?.isSuccess === true,
    isFetchingNextPage: results.length > 1 && last?.isPending === true,
    loadMoreError: results.length > 1 ? (last?.error ?? null) : null,
    fetchNextPage: () => {
      if (nextCursor) setState({ key: filtersKey, cursors: [...cursors, nextCursor] });
    },
  };
}
