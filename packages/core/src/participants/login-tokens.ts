import { newId } from '@warmpath/db';
import { recordAudit } from '../audit/record-audit.js';
import { randomBase32, sha256Hex } from '../common/crypto.js';
import type { Executor } from '../common/executor.js';
import { SESSION_AUDIT_ACTIONS } from '../sessions/session.schema.js';
import {
  consumeLoginTokenRow,
  findLoginTokenHolder,
  insertLoginTokenRow,
  type LoginTokenPurpose,
} from './login-token.repository.js';

/** Whom a sign-in link would sign in, as the confirmation page names them ("Continue as …"). */
export interface SignInLinkHolder {
  name: string;
  email: string;
}

// 20 random bytes → 32 base32 characters (160 bits): not guessable within a link's lifetime.
const TOKEN_BYTES = 20;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/**
 * Stores a new single-use sign-in token for a participant (its SHA-256 only) and returns the token with its row id.
 * Run inside the caller's transaction, next to its audit entry.
 */
export async function issueLoginToken(
  executor: Executor,
  request: { participantId: string; purpose: LoginTokenPurpose; now: Date; expiresAt: Date },
): Promise<{ token: string; id: string }> {
  const token = randomBase32(TOKEN_BYTES);
  const row = await insertLoginTokenRow(executor, {
    id: newId(),
    participant_id: request.participantId,
    token_hash: sha256Hex(token),
    created_at: request.now,
    expires_at: request.expiresAt,
    purpose: request.purpose,
  });
  return { token, id: row.id };
}

/**
 * Uses a sign-in token of the given purpose: the participant it signs in (audited as their sign-in, naming the
 * method), or null when the token is malformed, unknown, of another purpose, expired, used or its participant
 * disabled. A token works at most once, even under concurrent use.
 */
export async function redeemLoginToken(
  db: Executor,
  token: string,
  request: { purpose: LoginTokenPurpose; now: Date; ip?: string | null | undefined },
): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  return db.transaction().execute(async (trx) => {
    const participantId = await consumeLoginTokenRow(trx, sha256Hex(token), request.now, request.purpose);
    if (!participantId) return null;
    await recordAudit(trx, {
      actor: { type: 'participant', id: participantId },
      action: SESSION_AUDIT_ACTIONS.signedIn,
      target: { type: 'participant', id: participantId },
      changes: { method: request.purpose },
      ip: request.ip ?? null,
      at: request.now,
    });
    return participantId;
  });
}

/**
 * Whom a sign-in token of the given purpose would sign in, or null when using it would fail (malformed, unknown,
 * of another purpose, expired, used, participant disabled). Nothing is written: the token stays usable, so a page
 * can ask before signing anyone in.
 */
export async function peekLoginToken(
  db: Executor,
  token: string,
  request: { purpose: LoginTokenPurpose; now: Date },
): Promise<SignInLinkHolder | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const holder = await findLoginTokenHolder(db, sha256Hex(token), request.now, request.purpose);
  return holder ? { name: holder.name, email: holder.email } : null;
}
