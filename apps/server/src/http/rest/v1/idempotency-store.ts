import type { SecretBox } from '@warmpath/core';
import { type Database, json, type Kysely } from '@warmpath/db';
import { z } from 'zod';

/** A stored first response, replayed byte for byte. */
export interface StoredResponse {
  statusCode: number;
  contentType: string | undefined;
  body: string;
}

/** What a request carrying an `Idempotency-Key` may do. */
export type IdempotencyClaim =
  /** First use of the key (or an expired one): do the work, then store the response. */
  | { kind: 'claimed' }
  /** The key's request completed before: answer with its response. */
  | { kind: 'replay'; response: StoredResponse }
  /** The key's first request is still being processed. */
  | { kind: 'in_flight' }
  /** The key was used for another request (method, path or body differ). */
  | { kind: 'mismatch' };

/** The identity of a keyed request: a key belongs to one API key, and to one request. */
export interface KeyedRequest {
  apiKeyId: string;
  key: string;
  method: string;
  path: string;
  /** SHA-256 (hex) of method, path and raw body. */
  requestHash: string;
}

/** Timing rules of {@link claimIdempotencyKey}. */
export interface ClaimPolicy {
  now: Date;
  /** A key older than this may be reused for any request (Stripe keeps keys 24 hours). */
  retentionMs: number;
  /** A first request without a stored response after this long is taken to have died with its process. */
  staleAfterMs: number;
}

/**
 * The stored form: `{ sealed }`, the response sealed with the secret key. Responses can carry secrets shown once
 * (a webhook signing secret, a login link), which must not sit in plain text in the database. Inside, the body
 * is the exact text that was sent (jsonb would not keep its key order or formatting).
 */
const storedEnvelopeSchema = z.object({ sealed: z.string() });
const storedResponseSchema = z.object({ contentType: z.string().optional(), body: z.string() });

/**
 * Claims a key for a request, or says why it cannot: the primary key (api key, key) makes concurrent claims of
 * one key race safely, so exactly one request does the work.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  secretBox: SecretBox,
  request: KeyedRequest,
  policy: ClaimPolicy,
): Promise<IdempotencyClaim> {
  // Two rounds: the second follows the removal of an expired or abandoned claim.
  for (let round = 0; round < 2; round++) {
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({
        api_key_id: request.apiKeyId,
        key: request.key,
        method: request.method,
        path: request.path,
        request_hash: request.requestHash,
        created_at: policy.now,
      })
      .onConflict((oc) => oc.columns(['api_key_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed' };

    const existing = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('api_key_id', '=', request.apiKeyId)
      .where('key', '=', request.key)
      .executeTakeFirst();
    if (!existing) continue;
    const age = policy.now.getTime() - existing.created_at.getTime();
    const isExpired = age > policy.retentionMs;
    const isAbandoned = existing.response_status === null && age > policy.staleAfterMs;
    if (isExpired || isAbandoned) {
      // Conditional, so of two requests racing to reclaim the key, the second deletes nothing fresh.
      let removal = db
        .deleteFrom('idempotency_keys')
        .where('api_key_id', '=', request.apiKeyId)
        .where('key', '=', request.key);
      removal = isExpired
        ? removal.where('created_at', '<', new Date(policy.now.getTime() - policy.retentionMs))
        : removal
            .where('response_status', 'is', null)
            .where('created_at', '<', new Date(policy.now.getTime() - policy.staleAfterMs));
      await removal.execute();
      continue;
    }
    if (
      existing.request_hash !== request.requestHash ||
      existing.method !== request.method ||
      existing.path !== request.path
    ) {
      return { kind: 'mismatch' };
    }
    if (existing.response_status === null) return { kind: 'in_flight' };
    const stored = openStoredResponse(secretBox, existing.response_body);
    // Unreadable (sealed under another secret key): the response cannot be replayed, nor the work redone.
    if (!stored) return { kind: 'in_flight' };
    return { kind: 'replay', response: { statusCode: existing.response_status, ...stored } };
  }
  return { kind: 'in_flight' };
}

/** Stores the response of a claimed key, for replays. */
export async function storeIdempotentResponse(
  db: Kysely<Database>,
  secretBox: SecretBox,
  claim: { apiKeyId: string; key: string },
  response: StoredResponse,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({
      response_status: response.statusCode,
      response_body: json({
        sealed: secretBox.sealJson({
          ...(response.contentType === undefined ? {} : { contentType: response.contentType }),
          body: response.body,
        }),
      }),
    })
    .where('api_key_id', '=', claim.apiKeyId)
    .where('key', '=', claim.key)
    .execute();
}

/** Frees a claimed key without a stored response (the request failed on the server; the client may retry). */
export async function releaseIdempotencyKey(
  db: Kysely<Database>,
  claim: { apiKeyId: string; key: string },
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('api_key_id', '=', claim.apiKeyId)
    .where('key', '=', claim.key)
    .where('response_status', 'is', null)
    .execute();
}

function openStoredResponse(
  secretBox: SecretBox,
  stored: unknown,
): { contentType: string | undefined; body: string } | undefined {
  const envelope = storedEnvelopeSchema.safeParse(stored);
  if (!envelope.success) return undefined;
  try {
    const response = storedResponseSchema.safeParse(secretBox.openJson(envelope.data.sealed));
    return response.success
      ? { contentType: response.data.contentType, body: response.data.body }
      : undefined;
  } catch {
    return undefined;
  }
}
