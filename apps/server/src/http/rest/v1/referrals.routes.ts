import {
  referralSchema,
  referralStatusSchema,
  submitReferralInputSchema,
  transitionInputSchema,
} from '@warmpath/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../../app/runtime.js';
import { apiKeyActor, apiKeyAuditContext } from './audit-context.js';
import { errorResponses, pageOf, pageQuerySchema, problemSchema } from './schemas.js';

// Any string: the service answers 404 for ids that are not UUIDs, so a malformed id never reaches SQL.
const idParams = z.object({ id: z.string().min(1).max(100) });

/** `/api/v1/referrals` (docs/api.md "Referrals"). */
export const referralsRoutes: FastifyPluginAsyncZod<{ runtime: Runtime }> = async (app, { runtime }) => {
  const { referrals } = runtime.services;

  app.post(
    '/referrals',
    {
      config: { scope: 'referrals:write' },
      schema: {
        tags: ['referrals'],
        summary: 'Submit a referral',
        description:
          'Records an introduction of a company and its contacts by an enrolled participant. Answers are checked ' +
          "against the track's form. The initial status follows the fraud decision (block → rejected, review → " +
          'in_review), else accepted when the track auto-accepts, else submitted. A company already referred in ' +
          'the track within its attribution window is recorded with `duplicateOfId` pointing at the first referral.',
        body: submitReferralInputSchema,
        response: { 201: referralSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const userAgent = request.headers['user-agent'];
      const referral = await referrals.submit(request.body, {
        ...apiKeyAuditContext(request),
        userAgent: typeof userAgent === 'string' ? userAgent : null,
      });
      return reply.code(201).send(referral);
    },
  );

  app.get(
    '/referrals',
    {
      config: { scope: 'referrals:read' },
      schema: {
        tags: ['referrals'],
        summary: 'List referrals',
        description: 'Newest first, filtered by track slug, status and participant.',
        querystring: pageQuerySchema.extend({
          track: z.string().min(1).max(100).optional(),
          status: referralStatusSchema.optional(),
          participantId: z.string().min(1).max(100).optional(),
        }),
        response: { 200: pageOf(referralSchema), ...errorResponses },
      },
    },
    async (request) => referrals.list(request.query),
  );

  app.get(
    '/referrals/:id',
    {
      config: { scope: 'referrals:read' },
      schema: {
        tags: ['referrals'],
        summary: 'Get a referral',
        params: idParams,
        response: { 200: referralSchema, 404: problemSchema, ...errorResponses },
      },
    },
    async (request) => referrals.get(request.params.id),
  );

  app.post(
    '/referrals/:id/transitions',
    {
      config: { scope: 'referrals:write' },
      schema: {
        tags: ['referrals'],
        summary: 'Move a referral along its lifecycle',
        description:
          'Allowed: submitted → accepted | rejected | in_review; in_review → accepted | rejected; accepted → ' +
          'meeting_booked | proposal_sent | closed_won | closed_lost; meeting_booked → proposal_sent | closed_won | ' +
          'closed_lost; proposal_sent → closed_won | closed_lost. Anything else is a 409. A referral fraud rules ' +
          'hold for review (`in_review`, or waiting for a decision with a fraud decision other than `allow`) ' +
          'is moved only by a key that also holds `referrals:review`: 403 otherwise.',
        params: idParams,
        body: transitionInputSchema,
        response: { 200: referralSchema, 404: problemSchema, 409: problemSchema, ...errorResponses },
      },
    },
    async (request) => referrals.transition(request.params.id, request.body, apiKeyActor(request)),
  );
};
