import { router } from '../../trpc.js';
import { referralAddNote } from './add-note.js';
import { referralAssign } from './assign.js';
import { referralsBoard } from './board.js';
import { referralById } from './by-id.js';
import { referralsList } from './list.js';
import { referralOwners } from './owners.js';
import { referralTransition } from './transition.js';

/** `admin.referrals.*`: the pipeline (table and board), the referral page and what staff do on it. */
export const adminReferralsRouter = router({
  list: referralsList,
  board: referralsBoard,
  byId: referralById,
  transition: referralTransition,
  addNote: referralAddNote,
  assign: referralAssign,
  owners: referralOwners,
});
