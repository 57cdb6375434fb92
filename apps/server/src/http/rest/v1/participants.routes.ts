import { enrollParticipantInputSchema, loginLinkSchema, participantSchema } from '@warmpath/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../../app/runtime.js';
import { apiKeyAuditContext } from './audit-context.js';
import { errorResponses, problemSchema } from './schemas.js';

// Any string: the service answers 404 for ids that are not UUIDs, so a malformed id never reaches SQL.
const idParams = z.object({ id: z.string().min(1).max(100) });

/** `/api/v1/participants` (docs/api.md "Participants"). */
export const participantsRoutes: FastifyPluginAsyncZod<{ runtime: Runtime }> = async (app, { runtime }) => {
  const { participants, participantLogins } = runtime.services;

  app.post(
    '/participants',
    {
      config: { scope: 'participants:write' },
      schema: {
        tags: ['participants'],
        summary: 'Enrol a participant in tracks',
        description:
          'Creates the participant (201) or, when the email is already known, adds the missing enrolments (200). ' +
          'Each enrolment has its own link code; existing codes never change.',
        body: enrollParticipantInputSchema,
        response: { 200: participantSchema, 201: participantSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { participant, created } = await participants.enroll(request.body, apiKeyAuditContext(request));
      return reply.code(created ? 201 : 200).send(participant);
    },
  );

  app.get(
    '/participants/:id',
    {
      config: { scope: 'participants:read' },
      schema: {
        tags: ['participants'],
        summary: 'Get a participant',
        params: idParams,
        response: { 200: participantSchema, 404: problemSchema, ...errorResponses },
      },
    },
    async (request) => participants.get(request.params.id),
  );

  app.post(
    '/participants/:id/login-links',
    {
      config: { scope: 'participants:write' },
      schema: {
        tags: ['participants'],
        summary: 'Create a one-time portal login link',
        description:
          'A link that signs the participant into the portal once, within 15 minutes (for embedding the portal).',
        params: idParams,
        body: z.strictObject({}).nullish(),
        response: { 201: loginLinkSchema, 404: problemSchema, 409: problemSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await participantLogins.createLoginLink(request.params.id, apiKeyAuditContext(request))),
  );
};
