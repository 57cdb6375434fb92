import { router } from '../trpc.js';
import { acceptInvitation } from './accept-invitation.js';
import { changePassword } from './change-password.js';
import { invitationPreview } from './invitation-preview.js';
import { me } from './me.js';
import { requestPasswordReset } from './request-password-reset.js';
import { resetPassword } from './reset-password.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { signOutEverywhere } from './sign-out-everywhere.js';

export const authRouter = router({
  signIn,
  signOut,
  signOutEverywhere,
  me,
  invitationPreview,
  acceptInvitation,
  requestPasswordReset,
  resetPassword,
  changePassword,
});
