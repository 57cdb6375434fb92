import { router } from '../../trpc.js';
import { userChangeRole } from './change-role.js';
import { pendingInvitations, revokeInvitation } from './invitations.js';
import { userInvite } from './invite.js';
import { usersList } from './list.js';
import { userSendPasswordReset } from './send-password-reset.js';
import { userDisable, userEnable } from './status-change.js';

/** `admin.users.*`: staff accounts and invitations. */
export const adminUsersRouter = router({
  list: usersList,
  invite: userInvite,
  invitations: pendingInvitations,
  revokeInvitation,
  changeRole: userChangeRole,
  disable: userDisable,
  enable: userEnable,
  sendPasswordReset: userSendPasswordReset,
});
