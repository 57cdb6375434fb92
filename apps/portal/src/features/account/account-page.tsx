import { useQuery } from '@tanstack/react-query';
import { ErrorState, LoadingState, PageHeader } from '@warmpath/ui';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { PasswordForm } from './password-form.js';
import { ProfileForm } from './profile-form.js';

/** The referrer's own account: their name and, if they want one, a password. */
export function AccountPage() {
  const account = useQuery(trpc.portal.account.get.queryOptions());
  return (
    <>
      <PageHeader title="Account" description="Your details and how you sign in." />
      {account.isPending ? (
        <LoadingState label="Loading your account…" />
      ) : account.isError ? (
        <ErrorState
          title="Your account could not load"
          message={describeError(account.error)}
          onRetry={() => void account.refetch()}
          isRetrying={account.isRefetching}
        />
      ) : (
        <div className="account">
          <ProfileForm name={account.data.name} email={account.data.email} />
          <PasswordForm hasPassword={account.data.hasPassword} />
        </div>
      )}
    </>
  );
}
