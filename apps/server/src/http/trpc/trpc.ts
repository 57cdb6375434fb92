import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError, type Permission, roleCan } from '@warmpath/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../../app/runtime.js';
import { unstorableInputError, unstorableInputIssues } from '../unstorable-input.js';
import { toTrpcCode } from './error-codes.js';
import { validationIssuesOf } from './validation-issues.js';

/** The signed-in staff member, as procedures see it. */
export interface StaffPrincipal {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'manager' | 'sales' | 'finance' | 'viewer';
  sessionId: string;
}

/** The participant signed in to the portal, as procedures see it. */
export interface ParticipantPrincipal {
  id: string;
  email: string;
  name: string;
  sessionId: string;
}

export interface TrpcContext {
  runtime: Runtime;
  req: FastifyRequest;
  res: FastifyReply;
  staff: StaffPrincipal | null;
  participant: ParticipantPrincipal | null;
}

/** What a procedure declares about itself; the access-matrix suite reads it from the router. */
export interface ProcedureMeta {
  /** The permission (see `ROLE_PERMISSIONS` in core) a staff caller needs for a {@link staffProcedure}. */
  permission?: Permission;
}

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    // tRPC puts stack traces in error responses unless NODE_ENV=production, which a plain `warmpath start` does not
    // set. Clients never need them: internal errors are logged, with their stack, by the server.
    isDev: false,
    // An unexpected error's message may name hosts, tables or files; like REST, clients get a generic one.
    // Invalid input carries its field issues in `data.issues`, so forms can show each message next to its field.
    errorFormatter({ shape, error }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        return { ...shape, message: 'Something went wrong on our side; the error has been logged' };
      }
      const issues = validationIssuesOf(error.cause);
      if (issues) return { ...shape, data: { ...shape.data, issues } };
      // A refusal by a domain rule (a fraud hold, sales kept to their own referrals) says why, for people; the role
      // check's refusal has no reason beyond the role, so clients can tell the two apart.
      if (error.code === 'FORBIDDEN' && error.cause instanceof DomainError) {
        return { ...shape, data: { ...shape.data, reason: error.cause.message } };
      }
      return shape;
    },
  });

/** Typed domain errors become tRPC errors in one place, so procedures just throw them. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: toTrpcCode(cause), message: cause.message, cause });
  }
  return result;
});

/**
 * Refuses input PostgreSQL cannot store (NUL characters, unpaired surrogates, deep nesting; see
 * {@link unstorableInputIssues}) as BAD_REQUEST naming each field, before the procedure's own schema runs. Last in
 * each builder below, so the access checks still come first.
 */
const refuseUnstorableInput = t.middleware(async ({ getRawInput, next }) => {
  let input: unknown;
  try {
    input = await getRawInput();
  } catch {
    // Input that does not parse (a mutation without a body, say) is the procedure's to refuse or ignore, as before.
    return next();
  }
  const issues = unstorableInputIssues(input, '');
  if (issues.length > 0) throw unstorableInputError(issues);
  return next();
});

const base = t.procedure.use(mapDomainErrors);

export const router = t.router;
export const publicProcedure = base.use(refuseUnstorableInput);

const signedInStaff = base.use(({ ctx, next }) => {
  if (!ctx.staff) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return next({ ctx: { ...ctx, staff: ctx.staff } });
});

/** Procedures any signed-in staff member may call about their own account (who am I, sign out). */
export const staffSessionProcedure = signedInStaff.use(refuseUnstorableInput);

/**
 * Procedures for staff, each declaring the permission it needs: `staffProcedure.meta({ permission: 'tracks:read' })`.
 * The role check happens here and nowhere else. It fails closed: a procedure that names no permission is refused
 * to every role (and the access-matrix suite reports it).
 */
export const staffProcedure = signedInStaff
  .use(({ ctx, meta, next }) => {
    const permission = meta?.permission;
    if (!permission || !roleCan(ctx.staff.role, permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role does not allow this' });
    }
    return next({ ctx });
  })
  .use(refuseUnstorableInput);

/** Procedures for the participant signed in to the portal; everything they return is scoped to that participant. */
export const participantProcedure = base
  .use(({ ctx, next }) => {
    if (!ctx.participant)
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to the portal first' });
    return next({ ctx: { ...ctx, participant: ctx.participant } });
  })
  .use(refuseUnstorableInput);
