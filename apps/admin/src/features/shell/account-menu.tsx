import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Badge, Button, Icon } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import type { StaffUser } from '../../api/types.js';
import { userInitials } from './user-initials.js';

/** Props of {@link AccountMenu}. */
export interface AccountMenuProps {
  user: StaffUser;
}

/** Who is signed in, and the way out. */
export function AccountMenu({ user }: AccountMenuProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        // Nothing one staff member loaded may remain in memory for the next person at this browser.
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        await navigate({ to: '/sign-in' });
      },
    }),
  );

  return (
    <div className="account-menu">
      <span className="account-menu__avatar" aria-hidden="true">
        {userInitials(user.name, user.email)}
      </span>
      <span className="account-menu__identity">
        <span className="account-menu__name">{user.name || user.email}</span>
        <Badge className="account-menu__role">{user.role}</Badge>
      </span>
      <Button
        variant="ghost"
        size="sm"
        aria-label="Sign out"
        onClick={() => signOut.mutate()}
        isLoading={signOut.isPending}
      >
        <Icon name="signOut" size={18} />
        <span>Sign out</span>
      </Button>
      {signOut.isError ? (
        <p className="account-menu__error" role="alert">
          Could not sign out. Try again.
        </p>
      ) : null}
    </div>
  );
}
