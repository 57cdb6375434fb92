import { router } from '../../trpc.js';
import { get } from './get.js';
import { setPassword } from './set-password.js';
import { updateProfile } from './update-profile.js';

/** The signed-in participant's own account. */
export const portalAccountRouter = router({ get, setPassword, updateProfile });
