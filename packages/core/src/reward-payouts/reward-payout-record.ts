import type { RewardPayoutRow } from '@warmpath/db';
import { type RewardRecipient, RewardRecipientSchema } from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { type RewardPayout, requestPayoutInputSchema } from './reward-payout.schema.js';

/** A stored payout in the engine's shape (recipient and kind re-validated: jsonb and text columns are untyped). */
export function toPayout(row: RewardPayoutRow): RewardPayout {
  const parsed = z
    .object({ recipient: RewardRecipientSchema, kind: requestPayoutInputSchema.shape.kind })
    .parse({ recipient: row.recipient, kind: row.kind });
  return {
    id: row.id,
    providerKey: row.provider_key,
    idempotencyKey: row.idempotency_key,
    recipient: parsed.recipient,
    amount: Number(row.amount_minor),
    currency: row.currency,
    kind: parsed.kind,
    status: row.status,
    providerRef: row.provider_ref,
    attempts: row.attempts,
    lastError: row.last_error,
    failureReason: row.failure_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** True when a repeated request asks for the payout already stored under its idempotency key. */
export function isSameRequest(
  row: RewardPayoutRow,
  request: z.output<typeof requestPayoutInputSchema>,
): boolean {
  return (
    row.provider_key === request.providerKey &&
    Number(row.amount_minor) === request.amount &&
    row.currency === request.currency &&
    row.kind === request.kind &&
    isSameRecipient(RewardRecipientSchema.parse(row.recipient), request.recipient)
  );
}

/** Field by field: jsonb does not keep key order, so the stored recipient's JSON text differs from the request's. */
function isSameRecipient(stored: RewardRecipient, requested: RewardRecipient): boolean {
  return (
    stored.email === requested.email &&
    stored.name === requested.name &&
    stored.participantId === requested.participantId
  );
}
