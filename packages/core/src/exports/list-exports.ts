import type { JsonValue } from '@warmpath/db';
import type { AuditContext } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Executor } from '../common/executor.js';
import { parseInput } from '../errors.js';
import {
  listParticipantsForConsole,
  participantDirectoryQuerySchema,
} from '../participants/participant-directory.js';
import { listReferralsForConsole, referralConsoleFiltersSchema } from '../referrals/referral-console-list.js';
import { csvCell } from './csv-cell.js';

/** Rows fetched per query while exporting: memory stays flat however long the list. */
const EXPORT_PAGE_SIZE = 200;

/** The referral list's filters, for its export (no page: every matching row). */
export const referralExportFiltersSchema = referralConsoleFiltersSchema;
/** The participant list's filters, for its export. */
export const participantExportFiltersSchema = participantDirectoryQuerySchema.omit({
  limit: true,
  cursor: true,
});

export const REFERRAL_EXPORT_HEADER = [
  'id',
  'created_at',
  'status',
  'track',
  'company',
  'company_domain',
  'referrer_name',
  'referrer_email',
  'owner',
  'fraud_score',
  'fraud_decision',
  'sla_due_at',
  'sla_breached',
  'duplicate_of',
] as const;

/**
 * Every referral the console list shows for these filters, newest first, as CSV cells (header first), fetched
 * a page at a time.
 */
export async function* referralExportRows(
  executor: Executor,
  filters: unknown,
  now: Date,
): AsyncGenerator<string[]> {
  const parsed = parseInput(referralExportFiltersSchema, filters);
  yield [...REFERRAL_EXPORT_HEADER];
  let cursor: string | undefined;
  do {
    const page = await listReferralsForConsole(
      executor,
      { ...parsed, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
      now,
    );
    for (const item of page.items) {
      yield [
        item.id,
        item.createdAt,
        item.status,
        item.track.name,
        item.company.name,
        item.company.domain,
        item.participant.name,
        item.participant.email,
        item.owner?.name ?? null,
        item.fraud.score,
        item.fraud.decision,
        item.slaDueAt,
        item.isSlaBreached,
        item.duplicateOfId,
      ].map(csvCell);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export const PARTICIPANT_EXPORT_HEADER = [
  'id',
  'created_at',
  'name',
  'email',
  'title',
  'company',
  'status',
  'tracks',
  'referrals',
  'human_clicks',
] as const;

/** Every participant the console list shows for these filters, newest first, as CSV cells (header first). */
export async function* participantExportRows(executor: Executor, filters: unknown): AsyncGenerator<string[]> {
  const parsed = parseInput(participantExportFiltersSchema, filters);
  yield [...PARTICIPANT_EXPORT_HEADER];
  let cursor: string | undefined;
  do {
    const page = await listParticipantsForConsole(executor, {
      ...parsed,
      limit: EXPORT_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const item of page.items) {
      yield [
        item.id,
        item.createdAt,
        item.name,
        item.email,
        item.title,
        item.company,
        item.status,
        item.tracks.map((track) => track.name).join('; '),
        item.referralCount,
        item.clickCount,
      ].map(csvCell);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Records that someone exported a list (a copy of personal data leaving the system), with the filters used. */
export async function auditListExport(
  executor: Executor,
  context: AuditContext,
  list: 'referrals' | 'participants',
  filters: Record<string, unknown>,
): Promise<void> {
  await recordAudit(executor, {
    ...context,
    action: `${list}.exported`,
    target: { type: list === 'referrals' ? 'referral' : 'participant', id: null },
    changes: { filters: JSON.parse(JSON.stringify(filters)) as JsonValue },
  });
}
