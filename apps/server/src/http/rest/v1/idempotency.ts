import { createHash, type Hash } from 'node:crypto';
import { pipeline, Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../../../app/runtime.js';
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentResponse } from './idempotency-store.js';
import { problem, sendProblem } from './problem.js';

/** The request header naming an idempotent POST, and the answer header marking a replayed response. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

const MAX_KEY_LENGTH = 255;
const RETENTION_MS = 24 * 60 * 60 * 1000;
const STALE_AFTER_MS = 5 * 60 * 1000;

/** The idempotency bookkeeping of one keyed POST. */
interface IdempotentRequest {
  key: string;
  /** Fed the method, the path and every body byte as the body parser reads it. */
  hasher: Hash;
  /** True once this request holds the key and must store (or release) its response. */
  owner: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on REST v1 POSTs that carry an `Idempotency-Key`. */
    idempotency: IdempotentRequest | null;
  }
}

/**
 * `Idempotency-Key` on every REST v1 POST (docs/api.md "Idempotency"), for routes present and future: the
 * first request with a key does the work and its response (status and body) is stored; a replay with the same
 * key and the same request gets that response again, marked `Idempotent-Replayed: true`, without the work
 * being redone. Keys belong to the API key that sent them. Same key with another method, path or body → 422;
 * while the first request is still running → 409; a key over 255 characters → 400. Responses of 500 and above
 * are not stored, so the client can retry. Stored responses are sealed with the secret key and kept 24 hours.
 * Register after the API-key authentication hook.
 */
export function registerIdempotency(
  app: FastifyInstance,
  runtime: Pick<Runtime, 'database' | 'clock' | 'secretBox'>,
) {
  const { secretBox } = runtime;
  const db = runtime.database.db;
  app.decorateRequest('idempotency', null);

  // Hashes the raw body as it streams to the parser: no second copy, and Fastify's body limit still applies.
  app.addHook('preParsing', async (request, _reply, payload) => {
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.apiKey) return payload;
    const hasher = createHash('sha256').update(`${request.method} ${request.url}\n`);
    request.idempotency = { key, hasher, owner: false };
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hasher.update(chunk);
        callback(null, chunk);
      },
    });
    // pipeline hands a client abort or stream error on to the parser reading `tee`.
    pipeline(payload, tee, () => {});
    return tee;
  });

  app.addHook('preHandler', async (request, reply) => {
    const state = request.idempotency;
    if (!state || !request.apiKey) return;
    if (state.key.length === 0 || state.key.length > MAX_KEY_LENGTH) {
      return sendProblem(
        reply,
        problem(400, `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} characters`, [
          { path: 'headers.idempotency-key', message: `Use 1 to ${MAX_KEY_LENGTH} characters` },
        ]),
      );
    }
    const claim = await claimIdempotencyKey(
      db,
      secretBox,
      {
        apiKeyId: request.apiKey.id,
        key: state.key,
        method: request.method,
        path: request.url,
        requestHash: state.hasher.copy().digest('hex'),
      },
      { now: runtime.clock.now(), retentionMs: RETENTION_MS, staleAfterMs: STALE_AFTER_MS },
    );
    switch (claim.kind) {
      case 'claimed':
        state.owner = true;
        return;
      case 'replay': {
        const { statusCode, contentType, body } = claim.response;
        reply.code(statusCode).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
        if (contentType !== undefined) reply.header('content-type', contentType);
        return reply.send(body);
      }
      case 'mismatch':
        return sendProblem(
          reply,
          problem(
            422,
            'This Idempotency-Key was used for a different request; use a new key for a new request',
          ),
        );
      case 'in_flight':
        return sendProblem(
          reply,
          problem(409, 'A request with this Idempotency-Key is still being processed; retry later'),
        );
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.idempotency;
    if (!state?.owner || !request.apiKey) return payload;
    state.owner = false;
    await settle(request, reply, payload, state.key, request.apiKey.id);
    return payload;
  });

  async function settle(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    key: string,
    apiKeyId: string,
  ): Promise<void> {
    const body = payloadText(payload);
    try {
      if (reply.statusCode >= 500 || body === undefined) {
        await releaseIdempotencyKey(db, { apiKeyId, key });
        return;
      }
      const contentType = reply.getHeader('content-type');
      await storeIdempotentResponse(
        db,
        secretBox,
        { apiKeyId, key },
        {
          statusCode: reply.statusCode,
          contentType: typeof contentType === 'string' ? contentType : undefined,
          body,
        },
      );
    } catch (error) {
      // The response itself is fine; only its replay is lost (the key is reclaimable once stale).
      request.log.error({ err: error }, 'could not store the response of an idempotent request');
    }
  }
}

/** The response body as text, or undefined for bodies that cannot be stored (streams). */
function payloadText(payload: unknown): string | undefined {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return undefined;
}
