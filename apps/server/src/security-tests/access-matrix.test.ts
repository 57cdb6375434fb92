import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOtherHttpRoutes, listRestV1Routes } from '../app/route-list.js';
import { appRouter } from '../http/trpc/router.js';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import {
  type CallerHeaders,
  checkHttpAccess,
  checkProcedureAccess,
  checkRestAccess,
  checkRuleCoverage,
  listProcedures,
  type ScopeKeys,
} from './access-matrix.js';
import { HTTP_RULES, PROCEDURE_RULES, REST_RULES } from './access-rules.js';
import { matrixCallers, scopeKeys } from './matrix-callers.js';

const stacks = await testStacks();

describe.each(stacks)('access matrix on $name', (stack) => {
  let server: TestServer;
  let headersOf: CallerHeaders;
  let keys: ScopeKeys;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    headersOf = await matrixCallers(server);
    keys = await scopeKeys(server);
  });
  afterAll(() => server.close());

  it('every tRPC procedure, REST v1 route and other HTTP route has exactly one reviewed row, agreeing with its declared permission', () => {
    const findings = checkRuleCoverage({
      procedures: listProcedures(appRouter),
      procedureRules: PROCEDURE_RULES,
      restRoutes: listRestV1Routes(server.app),
      restRules: REST_RULES,
      httpRoutes: listOtherHttpRoutes(server.app),
      httpRules: HTTP_RULES,
    });
    expect(findings, findings.join('\n')).toEqual([]);
  });

  it('every tRPC procedure allows exactly the callers its rule names: anonymous, a participant, each staff role', async () => {
    const findings = await checkProcedureAccess({
      app: server.app,
      procedures: listProcedures(appRouter),
      procedureRules: PROCEDURE_RULES,
      headersOf,
    });
    expect(findings, findings.join('\n')).toEqual([]);
  });

  it('every REST v1 route refuses no key (401) and a key without its scope (403), and serves a key with it', async () => {
    const findings = await checkRestAccess({
      app: server.app,
      routes: listRestV1Routes(server.app),
      restRules: REST_RULES,
      keys,
    });
    expect(findings, findings.join('\n')).toEqual([]);
  });

  it('every other HTTP route (CSV exports, login links, tracking) allows exactly the callers its rule names', async () => {
    const findings = await checkHttpAccess({
      app: server.app,
      routes: listOtherHttpRoutes(server.app),
      httpRules: HTTP_RULES,
      headersOf,
    });
    expect(findings, findings.join('\n')).toEqual([]);
  });
});
