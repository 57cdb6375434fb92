import type { AnyRouter } from '@trpc/server';
import {
  API_SCOPES,
  isScope,
  PERMISSIONS,
  type Permission,
  roleCan,
  type Scope,
  STAFF_ROLES,
  type StaffRole,
} from '@warmpath/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type RegisteredRoute, routeKey } from '../app/route-list.js';
import type { ProcedureMeta } from '../http/trpc/trpc.js';
import type { HttpRule, ProcedureRule, RestRule } from './access-rules.js';

const RULES_FILE = 'apps/server/src/security-tests/access-rules.ts';

/** A tRPC procedure as the router declares it. */
export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  /** `meta.permission`, which `staffProcedure` checks. */
  permission: Permission | undefined;
}

/** Every procedure of a router, from `router._def.procedures` (the flat path → procedure map tRPC builds). */
export function listProcedures(router: AnyRouter): ProcedureInfo[] {
  return Object.entries(router._def.procedures as Record<string, unknown>).map(([path, procedure]) => {
    const def = (procedure as { _def: { type: ProcedureInfo['type']; meta?: ProcedureMeta } })._def;
    return { path, type: def.type, permission: def.meta?.permission };
  });
}

/** Who calls in the matrix: nobody, a portal participant, or a staff member of each role. */
export type CallerName = 'anonymous' | 'participant' | StaffRole;
export const CALLERS: readonly CallerName[] = ['anonymous', 'participant', ...STAFF_ROLES];

/** Whether `caller` may call a procedure with `rule`, from the rule and ROLE_PERMISSIONS (via `roleCan`). */
export function isCallerAllowed(rule: ProcedureRule, caller: CallerName): boolean {
  if (rule === 'public') return true;
  if (caller === 'anonymous') return false;
  if (rule === 'participant') return caller === 'participant';
  if (caller === 'participant') return false;
  return rule === 'staff-session' || roleCan(caller, rule);
}

/** The refusal a denied caller must get: FORBIDDEN for a staff role without the permission, else UNAUTHORIZED. */
function expectedDenial(rule: ProcedureRule, caller: CallerName): 'UNAUTHORIZED' | 'FORBIDDEN' {
  const isStaff = caller !== 'anonymous' && caller !== 'participant';
  return isStaff && rule !== 'participant' ? 'FORBIDDEN' : 'UNAUTHORIZED';
}

function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

function describeRule(rule: ProcedureRule | RestRule): string {
  return rule === 'public' || rule === 'participant' || rule === 'staff-session' ? rule : `needs ${rule}`;
}

/**
 * The static half of the matrix: every procedure and v1 route has exactly one row, no row is stale, and a staff
 * procedure's `meta.permission` is the permission its row names. Each finding says which row to add or fix.
 */
export function checkRuleCoverage(input: {
  procedures: readonly ProcedureInfo[];
  procedureRules: Readonly<Record<string, ProcedureRule>>;
  restRoutes: readonly RegisteredRoute[];
  restRules: Readonly<Record<string, RestRule>>;
  /** Routes outside tRPC and v1 ({@link listOtherHttpRoutes}) and their rules; left out, not checked. */
  httpRoutes?: readonly RegisteredRoute[];
  httpRules?: Readonly<Record<string, HttpRule>>;
}): string[] {
  const findings: string[] = [];
  const procedurePaths = new Set(input.procedures.map((procedure) => procedure.path));
  for (const procedure of input.procedures) {
    const rule = input.procedureRules[procedure.path];
    if (rule === undefined) {
      const suggestion = procedure.permission
        ? `'${procedure.path}': '${procedure.permission}',`
        : `'${procedure.path}': 'public' | 'participant' | 'staff-session' | '<permission>',`;
      findings.push(
        `tRPC ${procedure.type} "${procedure.path}" has no access rule: add  ${suggestion}  to PROCEDURE_RULES in ${RULES_FILE}`,
      );
      continue;
    }
    if (procedure.permission !== undefined && procedure.permission !== rule) {
      findings.push(
        `tRPC "${procedure.path}" declares meta.permission '${procedure.permission}' but PROCEDURE_RULES says '${rule}': make them agree (${RULES_FILE})`,
      );
    } else if (isPermission(rule) && procedure.permission === undefined) {
      findings.push(
        `tRPC "${procedure.path}": PROCEDURE_RULES says '${rule}' but the procedure declares no meta.permission (use staffProcedure.meta({ permission: '${rule}' }))`,
      );
    }
  }
  for (const path of Object.keys(input.procedureRules)) {
    if (!procedurePaths.has(path)) {
      findings.push(
        `PROCEDURE_RULES has a row for "${path}", which is no procedure: remove it from ${RULES_FILE}`,
      );
    }
  }

  const routeKeys = new Set(input.restRoutes.map(routeKey));
  for (const key of routeKeys) {
    if (input.restRules[key] === undefined) {
      findings.push(
        `REST route "${key}" has no access rule: add  '${key}': '<the scope in its config>' | 'public',  to REST_RULES in ${RULES_FILE}`,
      );
    }
  }
  for (const [key, rule] of Object.entries(input.restRules)) {
    if (!routeKeys.has(key)) {
      findings.push(`REST_RULES has a row for "${key}", which is no route: remove it from ${RULES_FILE}`);
    } else if (rule !== 'public' && !isScope(rule)) {
      findings.push(`REST_RULES row "${key}" names '${rule}', which is no API key scope`);
    }
  }

  if (input.httpRoutes && input.httpRules) {
    const httpKeys = new Set(input.httpRoutes.map(routeKey));
    for (const key of httpKeys) {
      if (input.httpRules[key] === undefined) {
        findings.push(
          `HTTP route "${key}" has no access rule: add  '${key}': 'public' | 'participant' | 'staff-session' | '<permission>',  to HTTP_RULES in ${RULES_FILE}`,
        );
      }
    }
    for (const key of Object.keys(input.httpRules)) {
      if (!httpKeys.has(key)) {
        findings.push(`HTTP_RULES has a row for "${key}", which is no route: remove it from ${RULES_FILE}`);
      }
    }
  }
  return findings;
}

/** Request headers (the session cookie) of a caller; `fresh` asks for a session of its own for this one call. */
export type CallerHeaders = (caller: CallerName, fresh: boolean) => Promise<Record<string, string>>;

function trpcErrorCode(res: LightMyRequestResponse): string | undefined {
  if (res.statusCode < 400) return undefined;
  try {
    const body = res.json() as { error?: { data?: { code?: string } } };
    return body.error?.data?.code ?? `HTTP ${res.statusCode}`;
  } catch {
    return `HTTP ${res.statusCode}`;
  }
}

/**
 * The dynamic half for tRPC: calls every procedure (with no input: authorisation runs before input parsing) as
 * each caller and compares allowed/denied with the rule. Queries run first; a mutation gets a fresh session per
 * call, so one that signs its caller out cannot change the outcome of later calls. Subscriptions are not called. A 500 is reported too: empty input must never
 * crash a procedure.
 */
export async function checkProcedureAccess(input: {
  app: FastifyInstance;
  procedures: readonly ProcedureInfo[];
  procedureRules: Readonly<Record<string, ProcedureRule>>;
  headersOf: CallerHeaders;
}): Promise<string[]> {
  const findings: string[] = [];
  // Queries first, on the callers' shared sessions; then mutations, each on a fresh session, because some end
  // more than their own (`auth.signOutEverywhere` ends every session of the account).
  const ordered = [
    ...input.procedures.filter((procedure) => procedure.type === 'query'),
    ...input.procedures.filter((procedure) => procedure.type === 'mutation'),
  ];
  for (const procedure of ordered) {
    const rule = input.procedureRules[procedure.path];
    if (rule === undefined) continue;
    for (const caller of CALLERS) {
      const headers = await input.headersOf(caller, procedure.type === 'mutation');
      const res =
        procedure.type === 'query'
          ? await input.app.inject({ method: 'GET', url: `/trpc/${procedure.path}`, headers })
          : await input.app.inject({
              method: 'POST',
              url: `/trpc/${procedure.path}`,
              headers: { 'content-type': 'application/json', ...headers },
            });
      const code = trpcErrorCode(res);
      const denied = code === 'UNAUTHORIZED' || code === 'FORBIDDEN';
      const where = `tRPC ${procedure.type} "${procedure.path}" (${describeRule(rule)}) as ${caller}`;
      if (isCallerAllowed(rule, caller)) {
        if (denied) findings.push(`${where}: expected allowed, got ${code}`);
      } else if (!denied) {
        findings.push(`${where}: expected denied, got ${code ?? `HTTP ${res.statusCode} (served)`}`);
      } else if (code !== expectedDenial(rule, caller)) {
        findings.push(`${where}: denied with ${code}, expected ${expectedDenial(rule, caller)}`);
      }
      if (code === 'INTERNAL_SERVER_ERROR') findings.push(`${where}: answered 500 to an empty input`);
    }
  }
  return findings;
}

/** API keys for the REST half: for each scope, one key holding only it and one holding every other scope. */
export type ScopeKeys = Readonly<Record<Scope, { only: string; allBut: string }>>;

/**
 * A concrete URL for a route pattern: path parameters become a well-formed id nobody has. A trailing wildcard
 * (only swagger-ui's assets have one) becomes a file it serves: an unknown path falls through to the v1 not-found
 * handler, which asks for a key before it says 404.
 */
function concreteUrl(pattern: string): string {
  return pattern
    .replace(/:[A-Za-z]+/g, '0190a0a0-0000-7000-8000-00000000beef')
    .replace(/\*$/, 'swagger-ui.css');
}

/**
 * The dynamic half for REST v1: every route with no key, with a key holding exactly its scope, and with a key
 * holding every scope but it. Denied means 401 (no key) or 403 (wrong key); allowed is any other answer.
 */
export async function checkRestAccess(input: {
  app: FastifyInstance;
  routes: readonly RegisteredRoute[];
  restRules: Readonly<Record<string, RestRule>>;
  keys: ScopeKeys;
}): Promise<string[]> {
  const findings: string[] = [];
  for (const route of input.routes) {
    const key = routeKey(route);
    const rule = input.restRules[key];
    if (rule === undefined) continue;
    const call = (apiKey: string | null) =>
      input.app.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      });
    const cases: { who: string; apiKey: string | null; expected: 'allowed' | 401 | 403 }[] =
      rule === 'public'
        ? [{ who: 'no key', apiKey: null, expected: 'allowed' }]
        : [
            { who: 'no key', apiKey: null, expected: 401 },
            { who: `a key with only ${rule}`, apiKey: input.keys[rule].only, expected: 'allowed' },
            { who: `a key with every scope but ${rule}`, apiKey: input.keys[rule].allBut, expected: 403 },
          ];
    for (const { who, apiKey, expected } of cases) {
      const { statusCode } = await call(apiKey);
      const where = `REST "${key}" (${describeRule(rule)}) with ${who}`;
      if (expected === 'allowed' && (statusCode === 401 || statusCode === 403)) {
        findings.push(`${where}: expected allowed, got ${statusCode}`);
      } else if (expected !== 'allowed' && statusCode !== expected) {
        findings.push(`${where}: expected ${expected}, got ${statusCode}`);
      }
      if (statusCode >= 500) findings.push(`${where}: answered ${statusCode} to an empty request`);
    }
  }
  return findings;
}

/**
 * The dynamic half for the other HTTP routes: each called (without input) as anonymous, a participant and each
 * staff role, with the caller's session cookie. Denied means 401 or 403, and must be 401 for callers without the
 * right kind of session, 403 for a staff role without the permission.
 */
export async function checkHttpAccess(input: {
  app: FastifyInstance;
  routes: readonly RegisteredRoute[];
  httpRules: Readonly<Record<string, HttpRule>>;
  headersOf: CallerHeaders;
}): Promise<string[]> {
  const findings: string[] = [];
  for (const route of input.routes) {
    const key = routeKey(route);
    const rule = input.httpRules[key];
    if (rule === undefined) continue;
    for (const caller of CALLERS) {
      // Always a fresh session: the tRPC half may already have ended the shared ones (sign-out everywhere).
      const headers = await input.headersOf(caller, true);
      const { statusCode } = await input.app.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        headers,
      });
      const denied = statusCode === 401 || statusCode === 403;
      const where = `HTTP "${key}" (${describeRule(rule)}) as ${caller}`;
      const expected = expectedDenial(rule, caller) === 'FORBIDDEN' ? 403 : 401;
      if (isCallerAllowed(rule, caller)) {
        if (denied) findings.push(`${where}: expected allowed, got ${statusCode}`);
      } else if (!denied) {
        findings.push(`${where}: expected denied, got ${statusCode}`);
      } else if (statusCode !== expected) {
        findings.push(`${where}: denied with ${statusCode}, expected ${expected}`);
      }
      if (statusCode >= 500) findings.push(`${where}: answered ${statusCode} to an empty request`);
    }
  }
  return findings;
}

/** The scopes, for building {@link ScopeKeys}. */
export const ALL_SCOPES: readonly Scope[] = API_SCOPES;
