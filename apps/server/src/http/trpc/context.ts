import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { Runtime } from '../../app/runtime.js';
import { STAFF_SESSION_COOKIE } from '../session-cookies.js';
import type { StaffPrincipal, TrpcContext } from './trpc.js';

/** Builds each request's context: the runtime plus the staff member its session cookie names (if valid). */
export function createContextFactory(runtime: Runtime) {
  return async ({ req, res }: CreateFastifyContextOptions): Promise<TrpcContext> => {
    let staff: StaffPrincipal | null = null;
    const token = req.cookies[STAFF_SESSION_COOKIE];
    if (token) {
      const validated = await runtime.services.sessions.validateSessionToken(token);
      if (validated?.subject.type === 'user') {
        const user = await runtime.services.users.findById(validated.subject.id);
        if (user && !user.disabledAt) {
          staff = {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            sessionId: validated.session.id,
          };
        }
      }
    }
    return { runtime, req, res, staff };
  };
}
