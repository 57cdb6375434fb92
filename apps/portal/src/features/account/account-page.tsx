import { useQuery } from '@tanstack/react-query';
import { LoadingState, PageHeader } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import { QueryErrorState } from '../../components/query-error-state.js';
import { PasswordForm } from './password-form.js';
import { ProfileForm } from './profile-form.js';

/** The referrer's own account: their name, email and company and, if they want one, a password. */
export function AccountPage() {
  const account = useQuery(trpc.portal.account.get.queryOptions());
  return (
    <>
      <PageHeader title="Account" description="Your details and how you sign in." />
      {account.isPending ? (
        <LoadingState label="Loading your account…" />
      ) : account.isError ? (
        <QueryErrorState title="Your account could not load" query={account} />
      ) : (
        <div className="account">
          <ProfileForm name={account.data.name} email={account.data.email} company={account.data.company} />
          <PasswordForm hasPassword={account.data.hasPassword} />
        </div>
      )}
    </>
  );
}
