import { adminRouter } from './admin/index.js';
import { authRouter } from './auth/index.js';
import { portalRouter } from './portal/index.js';
import { router } from './trpc.js';

/** The whole tRPC API. The apps import only its type. */
export const appRouter = router({ auth: authRouter, admin: adminRouter, portal: portalRouter });

export type AppRouter = typeof appRouter;
