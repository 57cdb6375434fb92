import { router } from '../../trpc.js';
import { participantById } from './by-id.js';
import { participantInvite } from './invite.js';
import { participantsList } from './list.js';
import { participantLoginLink } from './login-link.js';

/** `admin.participants.*`: referrers, their links and activity, invitations and login links. */
export const adminParticipantsRouter = router({
  list: participantsList,
  byId: participantById,
  invite: participantInvite,
  loginLink: participantLoginLink,
});
