import { router } from '../trpc.js';
import { me } from './me.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';

export const authRouter = router({ signIn, signOut, me });
