import { Readable } from 'node:stream';
import {
  auditListExport,
  issuesFromZodError,
  participantExportFiltersSchema,
  participantExportRows,
  referralExportFiltersSchema,
  referralExportRows,
  roleCan,
  ValidationError,
} from '@warmpath/core';
import { stringify } from 'csv-stringify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Runtime } from '../app/runtime.js';
import { resolveStaff } from './trpc/context.js';
import { unstorableInputError, unstorableInputIssues } from './unstorable-input.js';

type Query = Record<string, string | undefined>;

/**
 * `GET /admin/export/referrals.csv` and `/admin/export/participants.csv`: the console's lists as CSV downloads,
 * with the same filters as the lists (as query parameters), for a signed-in staff member allowed
 * `referrals:export`. Rows are fetched a page at a time and streamed; formula-like cells are neutralised. Each
 * export is audited (it is a copy of personal data leaving the system). Register before the static apps.
 */
export async function adminExportsRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { runtime } = options;
  const db = runtime.database.db;

  app.get('/admin/export/referrals.csv', (request, reply) =>
    sendExport(runtime, request, reply, {
      name: 'referrals',
      schema: referralExportFiltersSchema,
      filters: referralFiltersFrom(request.query as Query),
      rows: (filters) => referralExportRows(db, filters, runtime.clock.now()),
    }),
  );
  app.get('/admin/export/participants.csv', (request, reply) =>
    sendExport(runtime, request, reply, {
      name: 'participants',
      schema: participantExportFiltersSchema,
      filters: pick(request.query as Query, ['search', 'trackId']),
      rows: (filters) => participantExportRows(db, filters),
    }),
  );
}

interface ExportSpec {
  name: 'referrals' | 'participants';
  schema: z.ZodType;
  filters: Record<string, unknown>;
  rows: (filters: unknown) => AsyncGenerator<string[]>;
}

async function sendExport(runtime: Runtime, request: FastifyRequest, reply: FastifyReply, spec: ExportSpec) {
  const staff = await resolveStaff(runtime, request);
  if (!staff) return reply.code(401).send({ error: 'Sign in first' });
  if (!roleCan(staff.role, 'referrals:export')) {
    return reply.code(403).send({ error: 'Your role does not allow exports' });
  }
  const unstorable = unstorableInputIssues(spec.filters, '');
  if (unstorable.length > 0) {
    const error = unstorableInputError(unstorable);
    return reply.code(400).send({ error: error.message, issues: error.issues });
  }
  const parsed = spec.schema.safeParse(spec.filters);
  if (!parsed.success) {
    const error = new ValidationError(issuesFromZodError(parsed.error));
    return reply.code(400).send({ error: error.message, issues: error.issues });
  }
  await auditListExport(
    runtime.database.db,
    { actor: { type: 'user', id: staff.id }, ip: request.ip },
    spec.name,
    parsed.data as Record<string, unknown>,
  );
  const date = runtime.clock.now().toISOString().slice(0, 10);
  const csv = Readable.from(spec.rows(parsed.data)).pipe(stringify({ quoted_string: true }));
  csv.on('error', (error) => runtime.logger.error({ err: error }, `the ${spec.name} export failed midway`));
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${spec.name}-${date}.csv"`)
    .header('cache-control', 'no-store')
    .send(csv);
}

/** The referral list's filters from query parameters: `slaBreached=true|false`, `ownerId=none` for unowned. */
function referralFiltersFrom(query: Query): Record<string, unknown> {
  const filters: Record<string, unknown> = pick(query, ['trackId', 'status', 'fraudDecision', 'search']);
  if (query.ownerId !== undefined) filters.ownerId = query.ownerId === 'none' ? null : query.ownerId;
  if (query.slaBreached !== undefined) {
    filters.slaBreached =
      query.slaBreached === 'true' ? true : query.slaBreached === 'false' ? false : query.slaBreached;
  }
  return filters;
}

function pick(query: Query, keys: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = query[key];
    if (typeof value === 'string' && value !== '') picked[key] = value;
  }
  return picked;
}
