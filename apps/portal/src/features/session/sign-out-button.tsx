import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';

/** Ends the portal session, forgets everything cached about the participant and returns to the sign-in page. */
export function SignOutButton() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.portal.auth.signOut.mutationOptions({
      onSettled: async () => {
        queryClient.clear();
        await navigate({ to: '/sign-in', replace: true });
      },
    }),
  );
  return (
    <Button variant="ghost" size="sm" isLoading={signOut.isPending} onClick={() => signOut.mutate()}>
      Sign out
    </Button>
  );
}
