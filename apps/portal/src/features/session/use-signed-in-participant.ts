import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../api/trpc.js';

/** The participant signed in to the portal (null when signed out), shared by every component through the cache. */
export function useSignedInParticipant() {
  return useQuery(trpc.portal.me.queryOptions());
}
