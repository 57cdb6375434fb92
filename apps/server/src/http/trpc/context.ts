import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../../app/runtime.js';
import {
  PORTAL_SESSION_COOKIE,
  STAFF_SESSION_COOKIE,
  setPortalSessionCookie,
  setStaffSessionCookie,
} from '../session-cookies.js';
import type { ParticipantPrincipal, StaffPrincipal, TrpcContext } from './trpc.js';

/**
 * Builds each request's context: the runtime plus the staff member and the portal participant its session cookies
 * name (each if valid). The two cookies are independent: a staff session never signs anyone into the portal.
 */
export function createContextFactory(runtime: Runtime) {
  return async ({ req, res }: CreateFastifyContextOptions): Promise<TrpcContext> => {
    const [staff, participant] = await Promise.all([
      resolveStaff(runtime, req, res),
      resolveParticipant(runtime, req, res),
    ]);
    return { runtime, req, res, staff, participant };
  };
}

/** The staff member a request's session cookie names, if the session is valid and the account enabled. */
export async function resolveStaff(
  runtime: Runtime,
  req: FastifyRequest,
  /** Given, the renewed cookie is sent on it (sliding renewal). */
  res?: FastifyReply,
): Promise<StaffPrincipal | null> {
  const token = req.cookies[STAFF_SESSION_COOKIE];
  if (!token) return null;
  const validated = await runtime.services.sessions.validateSessionToken(token);
  if (validated?.subject.type !== 'user') return null;
  const user = await runtime.services.users.findById(validated.subject.id);
  if (!user || user.disabledAt) return null;
  // Sliding renewal: the server pushed the expiry forward, so the browser's cookie must follow or it would still
  // lapse at the first expiry.
  if (validated.isRenewed && res)
    setStaffSessionCookie(runtime.config, res, token, validated.session.expiresAt);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionId: validated.session.id,
  };
}

async function resolveParticipant(
  runtime: Runtime,
  req: FastifyRequest,
  res: FastifyReply,
): Promise<ParticipantPrincipal | null> {
  const token = req.cookies[PORTAL_SESSION_COOKIE];
  if (!token) return null;
  const validated = await runtime.services.sessions.validateSessionToken(token);
  if (validated?.subject.type !== 'participant') return null;
  const participant = await runtime.services.participants.findSignedInParticipant(validated.subject.id);
  if (!participant) return null;
  if (validated.isRenewed) setPortalSessionCookie(runtime.config, res, token, validated.session.expiresAt);
  return { ...participant, sessionId: validated.session.id };
}
