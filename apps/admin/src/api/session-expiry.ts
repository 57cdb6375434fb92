import type { QueryClient } from '@tanstack/react-query';
import { isUnauthorized } from './errors.js';

/**
 * Calls `onExpired` when any query fails because the session ended (timed out, revoked, signed out in another
 * tab), so the console can send the user to sign in instead of showing broken pages. Returns the unsubscribe.
 */
export function watchForExpiredSession(queryClient: QueryClient, onExpired: () => void): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && isUnauthorized(event.action.error)) {
      onExpired();
    }
  });
}
