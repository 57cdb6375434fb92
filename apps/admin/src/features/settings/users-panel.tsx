import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Dialog,
  EmptyState,
  FormAlert,
  formatDate,
  SelectField,
  Skeleton,
  Table,
  TextField,
} from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { mayManage, useCan, useSignedInStaff } from '../../access/use-can.js';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { StaffAccount, StaffRole } from '../../api/types.js';
import { QueryErrorState } from '../errors/query-error-state.js';
import { type PendingRoleChange, RoleChangeDialog } from './role-change-dialog.js';
import { STAFF_ROLE_OPTIONS, staffRoleLabel } from './staff-roles.js';

/**
 * Staff accounts with their roles, pending invitations, and inviting someone new. The controls that change an
 * account appear only on the accounts the signed-in member may manage (see `mayManage`).
 */
export function UsersPanel() {
  const me = useSignedInStaff();
  const canManageUsers = useCan('users:manage');
  const giveableRoles = STAFF_ROLE_OPTIONS.filter((role) => me?.assignableRoles.includes(role.value));
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.users.list.queryOptions());
  const invitations = useQuery(trpc.admin.users.invitations.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.pathKey() });
  const [pendingRoleChange, setPendingRoleChange] = useState<PendingRoleChange | null>(null);
  const changeRole = useMutation(
    trpc.admin.users.changeRole.mutationOptions({
      onSuccess: async () => {
        setPendingRoleChange(null);
        await refresh();
      },
      onError: () => setPendingRoleChange(null),
    }),
  );
  // For someone who cannot use "Forgot password?" themselves; the link goes to their email, never to the sender.
  const sendReset = useMutation(trpc.admin.users.sendPasswordReset.mutationOptions());
  const disable = useMutation(trpc.admin.users.disable.mutationOptions({ onSuccess: refresh }));
  const enable = useMutation(trpc.admin.users.enable.mutationOptions({ onSuccess: refresh }));
  const revokeInvitation = useMutation(
    trpc.admin.users.revokeInvitation.mutationOptions({ onSuccess: refresh }),
  );
  const [isInviting, setIsInviting] = useState(false);
  const failure =
    changeRole.error ?? sendReset.error ?? disable.error ?? enable.error ?? revokeInvitation.error;

  return (
    <div className="form-stack">
      {canManageUsers ? (
        <div>
          <Button onClick={() => setIsInviting(true)}>Invite staff member</Button>
        </div>
      ) : null}
      {failure ? <FormAlert>{describeError(failure)}</FormAlert> : null}
      {sendReset.isSuccess ? (
        <FormAlert tone="success">
          A password reset link was emailed to {sendReset.data.email}. It works once, for one hour.
        </FormAlert>
      ) : null}
      {users.isPending ? (
        <Skeleton lines={3} label="Loading staff…" />
      ) : users.isError ? (
        <QueryErrorState title="Staff could not load" headingLevel={3} query={users} />
      ) : (
        // Stacked into one block per person on narrow screens (see .staff-table in app.css).
        <div className="staff-table">
          <Table
            caption="Staff accounts"
            rows={users.data}
            rowKey={(user) => user.id}
            columns={[
              {
                id: 'name',
                header: 'Name',
                isRowHeader: true,
                cell: (user) => (
                  <span className="stacked-cell">
                    <span>{user.name}</span>
                    <span className="muted-text">{user.email}</span>
                  </span>
                ),
              },
              {
                id: 'role',
                header: 'Role',
                cell: (user) =>
                  !mayManage(me, user) ? (
                    staffRoleLabel(user.role)
                  ) : (
                    <SelectField
                      label={<span className="wp-visually-hidden">Role of {user.name}</span>}
                      value={user.role}
                      options={giveableRoles}
                      // Only asks: the select keeps showing the current role until the change is confirmed and saved.
                      onChange={(event) =>
                        setPendingRoleChange({ account: user, role: event.target.value as StaffRole })
                      }
                    />
                  ),
              },
              {
                id: 'status',
                header: 'Status',
                cell: (user) =>
                  user.disabledAt ? <Badge>Disabled</Badge> : <Badge tone="success">Active</Badge>,
              },
              {
                id: 'since',
                header: 'Since',
                hideOnSmallScreens: true,
                cell: (user) => formatDate(user.createdAt),
              },
              {
                id: 'actions',
                header: <span className="wp-visually-hidden">Actions</span>,
                align: 'end',
                cell: (user: StaffAccount) =>
                  !mayManage(me, user) ? null : user.disabledAt ? (
                    <Button size="sm" variant="secondary" onClick={() => enable.mutate({ id: user.id })}>
                      Enable<span className="wp-visually-hidden"> {user.name}</span>
                    </Button>
                  ) : (
                    <span className="button-row">
                      <Button
                        size="sm"
                        variant="secondary"
                        isLoading={sendReset.isPending && sendReset.variables?.id === user.id}
                        onClick={() => sendReset.mutate({ id: user.id })}
                      >
                        Send password reset<span className="wp-visually-hidden"> to {user.name}</span>
                      </Button>
                      <Button size="sm" variant="danger" onClick={() => disable.mutate({ id: user.id })}>
                        Disable<span className="wp-visually-hidden"> {user.name}</span>
                      </Button>
                    </span>
                  ),
              },
            ]}
          />
        </div>
      )}
      {invitations.data && invitations.data.length > 0 ? (
        <Table
          caption="Pending invitations"
          rows={invitations.data}
          rowKey={(invitation) => invitation.id}
          columns={[
            { id: 'email', header: 'Email', isRowHeader: true, cell: (invitation) => invitation.email },
            { id: 'role', header: 'Role', cell: (invitation) => staffRoleLabel(invitation.role) },
            {
              id: 'actions',
              header: <span className="wp-visually-hidden">Actions</span>,
              align: 'end',
              cell: (invitation) =>
                canManageUsers && me?.assignableRoles.includes(invitation.role) ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => revokeInvitation.mutate({ id: invitation.id })}
                  >
                    Withdraw<span className="wp-visually-hidden"> invitation of {invitation.email}</span>
                  </Button>
                ) : null,
            },
          ]}
          empty={<EmptyState headingLevel={3} title="No pending invitations" />}
        />
      ) : null}
      <RoleChangeDialog
        change={pendingRoleChange}
        isSaving={changeRole.isPending}
        onConfirm={(change) => changeRole.mutate({ id: change.account.id, role: change.role })}
        onCancel={() => setPendingRoleChange(null)}
      />
      <InviteStaffDialog
        isOpen={isInviting}
        roles={giveableRoles}
        onClose={() => setIsInviting(false)}
        onInvited={refresh}
      />
    </div>
  );
}

function InviteStaffDialog({
  isOpen,
  roles,
  onClose,
  onInvited,
}: {
  isOpen: boolean;
  roles: typeof STAFF_ROLE_OPTIONS;
  onClose: () => void;
  onInvited: () => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('sales');
  const invite = useMutation(
    trpc.admin.users.invite.mutationOptions({
      onSuccess: async () => {
        await onInvited();
        setName('');
        setEmail('');
        onClose();
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ name, email, role });
  }
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Invite a staff member"
      description="They receive an email with a link to set their password; it works once, for 7 days."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="invite-staff-form" isLoading={invite.isPending}>
            Send invitation
          </Button>
        </>
      }
    >
      <form id="invite-staff-form" className="form-stack" onSubmit={submit} noValidate>
        <TextField label="Name" required value={name} onChange={(event) => setName(event.target.value)} />
        <TextField
          label="Email"
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <SelectField
          label="Role"
          value={role}
          options={roles}
          onChange={(event) => setRole(event.target.value as StaffRole)}
        />
        {invite.isError ? (
          <FormAlert title="The invitation was not sent">{describeError(invite.error)}</FormAlert>
        ) : null}
      </form>
    </Dialog>
  );
}
