import cookie from '@fastify/cookie';
import { type CreateFastifyContextOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { STAFF_ROLES } from '@warmpath/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listOtherHttpRoutes, listRestV1Routes, recordRoutes } from '../app/route-list.js';
import { restV1 } from '../http/rest/v1/index.js';
import { createContextFactory } from '../http/trpc/context.js';
import { appRouter } from '../http/trpc/router.js';
import { router, staffProcedure, staffSessionProcedure } from '../http/trpc/trpc.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import {
  CALLERS,
  type CallerHeaders,
  checkHttpAccess,
  checkProcedureAccess,
  checkRestAccess,
  checkRuleCoverage,
  isCallerAllowed,
  listProcedures,
  type ScopeKeys,
} from './access-matrix.js';
import { HTTP_RULES, PROCEDURE_RULES, type ProcedureRule, REST_RULES } from './access-rules.js';
import { matrixCallers, scopeKeys } from './matrix-callers.js';

/**
 * Proof that the access matrix catches a missing guard: each case builds a variant of the real API with one
 * guard removed (or a route added without a rule) and runs the same checkers as access-matrix.test.ts, which must
 * name it. The checkers are database-agnostic, so one stack is enough here.
 */
describe('the access matrix catches a removed guard', () => {
  let server: TestServer;
  let headersOf: CallerHeaders;
  let keys: ScopeKeys;
  const variants: FastifyInstance[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    headersOf = await matrixCallers(server);
    keys = await scopeKeys(server);
  });
  afterAll(async () => {
    for (const variant of variants) await variant.close();
    await server.close();
  });

  /** The real tRPC API served from another router and/or context, on the test server's runtime. */
  async function trpcVariant(
    variantRouter: typeof appRouter,
    adjustContext: (
      context: Awaited<ReturnType<ReturnType<typeof createContextFactory>>>,
      options: CreateFastifyContextOptions,
    ) => void = () => {},
  ) {
    const app = Fastify();
    recordRoutes(app);
    variants.push(app);
    await app.register(cookie);
    const createContext = createContextFactory(server.runtime);
    await app.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: {
        router: variantRouter,
        createContext: async (options: CreateFastifyContextOptions) => {
          const context = await createContext(options);
          adjustContext(context, options);
          return context;
        },
      },
    });
    await app.ready();
    return app;
  }

  /** The real REST v1 API, with `editRoute` applied to each route as it is registered. */
  async function restVariant(
    editRoute: (route: { method: string | string[]; url: string; config?: object }) => void,
  ) {
    const app = Fastify();
    recordRoutes(app);
    variants.push(app);
    app.addHook('onRoute', editRoute);
    await app.register(restV1, { prefix: '/api/v1', runtime: server.runtime });
    await app.ready();
    return app;
  }

  it('reports a staff procedure whose role check is bypassed, for every role that must be refused', async () => {
    // A procedure some role may not call: the table must have one, or this proof proves nothing.
    const guarded = Object.entries(PROCEDURE_RULES).find(
      (entry): entry is [string, ProcedureRule] =>
        entry[1] !== 'public' && STAFF_ROLES.some((role) => !isCallerAllowed(entry[1], role)),
    );
    if (!guarded) throw new Error('PROCEDURE_RULES has no procedure that some staff role may not call');
    const [path, rule] = guarded;
    // The guard bypassed for this one procedure: its callers look like owners to the role check.
    const app = await trpcVariant(appRouter, (context, { req }) => {
      if (context.staff && req.url.split('?')[0] === `/trpc/${path}`) {
        context.staff = { ...context.staff, role: 'owner' };
      }
    });
    const findings = await checkProcedureAccess({
      app,
      procedures: listProcedures(appRouter).filter((procedure) => procedure.path === path),
      procedureRules: PROCEDURE_RULES,
      headersOf,
    });
    const refused = STAFF_ROLES.filter((role) => !isCallerAllowed(rule, role));
    expect(findings).toEqual(
      refused.map((role) => expect.stringMatching(`"${path}".* as ${role}: expected denied`)),
    );
  });

  it('reports a procedure built on staffSessionProcedure instead of staffProcedure (permission never checked)', async () => {
    const unguarded = staffSessionProcedure.meta({ permission: 'users:manage' }).query(() => 'every account');
    const variantRouter = router({ ...appRouter._def.record, probe: router({ unguarded }) });
    const app = await trpcVariant(variantRouter as unknown as typeof appRouter);
    const rules = { ...PROCEDURE_RULES, 'probe.unguarded': 'users:manage' as const };
    const procedures = listProcedures(variantRouter).filter(
      (procedure) => procedure.path === 'probe.unguarded',
    );
    expect(checkRuleCoverage({ procedures, procedureRules: rules, restRoutes: [], restRules: {} })).toEqual(
      // The rows of the real API are stale against this one-procedure list; only the probe's row must be clean.
      expect.not.arrayContaining([expect.stringContaining('"probe.unguarded"')]),
    );
    const findings = await checkProcedureAccess({ app, procedures, procedureRules: rules, headersOf });
    expect(findings.sort()).toEqual(
      ['finance', 'manager', 'sales', 'viewer'].map((role) =>
        expect.stringMatching(`"probe.unguarded".* as ${role}: expected denied, got HTTP 200`),
      ),
    );
  });

  it('reports a procedure or route added without a row, and a row left behind by a removed one', () => {
    const added = staffProcedure.meta({ permission: 'tracks:read' }).query(() => []);
    const variantRouter = router({ ...appRouter._def.record, probe: router({ added }) });
    const { 'auth.me': _removed, ...rulesWithoutMe } = PROCEDURE_RULES;
    const findings = checkRuleCoverage({
      procedures: listProcedures(variantRouter).filter((procedure) => procedure.path !== 'auth.signOut'),
      procedureRules: rulesWithoutMe,
      restRoutes: [...listRestV1Routes(server.app), { method: 'GET', url: '/api/v1/probe' }],
      restRules: REST_RULES,
    });
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`"probe.added" has no access rule: add  'probe.added': 'tracks:read',`),
        expect.stringContaining(`"auth.me" has no access rule`),
        expect.stringContaining(`PROCEDURE_RULES has a row for "auth.signOut", which is no procedure`),
        expect.stringContaining(
          `REST route "GET /api/v1/probe" has no access rule: add  'GET /api/v1/probe'`,
        ),
      ]),
    );
  });

  it('reports a staff procedure whose meta.permission disagrees with its row', () => {
    const [path] = Object.entries(PROCEDURE_RULES).find(([, rule]) => rule === 'tracks:read') ?? [];
    if (!path) throw new Error('PROCEDURE_RULES has no tracks:read procedure');
    const procedures = listProcedures(appRouter).map((procedure) =>
      procedure.path === path ? { ...procedure, permission: 'tracks:write' as const } : procedure,
    );
    const findings = checkRuleCoverage({
      procedures,
      procedureRules: PROCEDURE_RULES,
      restRoutes: [],
      restRules: {},
    }).filter((finding) => !finding.startsWith('REST'));
    expect(findings).toContainEqual(
      expect.stringContaining(`"${path}" declares meta.permission 'tracks:write'`),
    );
  });

  it('reports a REST route whose scope config was deleted (it fails closed: 403 to everyone, logged)', async () => {
    const logged = vi.spyOn(server.runtime.logger, 'error');
    const app = await restVariant((route) => {
      if (route.url === '/api/v1/tracks' && route.method === 'GET') route.config = {};
    });
    const routes = listRestV1Routes(app).filter((route) => route.url === '/api/v1/tracks');
    const findings = await checkRestAccess({ app, routes, restRules: REST_RULES, keys });
    expect(findings.sort()).toEqual([
      'REST "GET /api/v1/tracks" (needs tracks:read) with a key with only tracks:read: expected allowed, got 403',
      'REST "GET /api/v1/tracks" (needs tracks:read) with no key: expected 401, got 403',
    ]);
    // Fail closed, and said once in the log however often it is called.
    const unscoped = logged.mock.calls.filter(([, message]) =>
      String(message).includes('declares no `config.scope`'),
    );
    expect(unscoped).toHaveLength(1);
    expect(unscoped[0]?.[0]).toEqual({ route: 'GET /api/v1/tracks' });
    logged.mockRestore();
  });

  it('keeps unknown v1 paths as they were: 401 without a key, 404 with one (fail closed applies to routes only)', async () => {
    const unknown = (authorization?: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/no-such-thing',
        headers: authorization ? { authorization } : {},
      });
    expect((await unknown()).statusCode).toBe(401);
    expect((await unknown(`Bearer ${server.apiKey}`)).statusCode).toBe(404);
  });

  it('reports a REST route whose scope was weakened to a read scope', async () => {
    const app = await restVariant((route) => {
      if (route.url === '/api/v1/tracks' && route.method === 'POST') route.config = { scope: 'tracks:read' };
    });
    const routes = listRestV1Routes(app).filter((route) => route.url === '/api/v1/tracks');
    const findings = await checkRestAccess({ app, routes, restRules: REST_RULES, keys });
    expect(findings.sort()).toEqual([
      'REST "POST /api/v1/tracks" (needs tracks:write) with a key with every scope but tracks:write: expected 403, got 400',
      'REST "POST /api/v1/tracks" (needs tracks:write) with a key with only tracks:write: expected allowed, got 403',
    ]);
  });

  it('reports a cookie-session HTTP route served without its guard, and one added without a row', async () => {
    const app = Fastify();
    recordRoutes(app);
    variants.push(app);
    await app.register(cookie);
    // The export route with its session and role check left out, and a new route nobody listed.
    app.get('/admin/export/referrals.csv', async () => 'id,company\n');
    app.get('/admin/export/unlisted.csv', async () => 'id\n');
    await app.ready();
    const routes = listOtherHttpRoutes(app);
    const coverage = checkRuleCoverage({
      procedures: [],
      procedureRules: {},
      restRoutes: [],
      restRules: {},
      httpRoutes: routes,
      httpRules: HTTP_RULES,
    });
    expect(coverage).toContainEqual(
      expect.stringContaining('HTTP route "GET /admin/export/unlisted.csv" has no access rule'),
    );
    const findings = await checkHttpAccess({
      app,
      routes: routes.filter((route) => route.url === '/admin/export/referrals.csv'),
      httpRules: HTTP_RULES,
      headersOf,
    });
    const refused = CALLERS.filter((caller) => !isCallerAllowed('referrals:export', caller));
    expect(refused).toContain('viewer');
    expect(findings.sort()).toEqual(
      refused
        .map(
          (caller) =>
            `HTTP "GET /admin/export/referrals.csv" (needs referrals:export) as ${caller}: expected denied, got 200`,
        )
        .sort(),
    );
  });
});
