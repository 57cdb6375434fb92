import { json, newId } from '@warmpath/db';
import type { Executor } from '../common/executor.js';
import { normaliseEmail } from '../users/user-record.js';
import type { LinkTarget } from './link-target.js';
import type { TrackedConversion } from './tracked-conversion.schema.js';

/** Where tracking-script events come from (`events.source`). */
export const TRACKING_SCRIPT_SOURCE = 'tracking-script';

/**
 * The `events.external_id` of a tracking-script conversion. Prefixed, because `external_id` is unique across every
 * source and a browser-made id must never collide with (and silently shadow) an id an integration sent.
 */
export function trackedConversionExternalId(id: string): string {
  return `${TRACKING_SCRIPT_SOURCE}:${id}`;
}

/**
 * Records a conversion reported by the tracking script as an `events` row (source `tracking-script`) carrying the
 * link code in `properties.ref` and the enrolment it belongs to. Idempotent by the browser's id: returns false when
 * that id was recorded before. A person already in the directory with the given email is linked; nobody is created,
 * since anyone on the internet can call this endpoint.
 */
export async function recordTrackedConversion(
  executor: Executor,
  conversion: { input: TrackedConversion; link: LinkTarget; now: Date },
): Promise<{ isDuplicate: boolean }> {
  const { input, link, now } = conversion;
  const email = input.email === undefined ? undefined : normaliseEmail(input.email);
  const person =
    email === undefined
      ? undefined
      : await executor.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst();
  const inserted = await executor
    .insertInto('events')
    .values({
      id: newId(),
      external_id: trackedConversionExternalId(input.id),
      type: input.type,
      occurred_at: now,
      person_id: person?.id ?? null,
      company_id: null,
      // The custom properties first: the attribution keys below must not be overwritten by a page's own names.
      properties: json({
        ...input.properties,
        ref: link.code,
        enrollmentId: link.enrollmentId,
        participantId: link.participantId,
        trackId: link.trackId,
        ...(email === undefined ? {} : { email }),
        ...(input.company === undefined ? {} : { company: input.company }),
        ...(input.page === undefined ? {} : { page: input.page }),
      }),
      source: TRACKING_SCRIPT_SOURCE,
    })
    .onConflict((conflict) => conflict.column('external_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return { isDuplicate: inserted === undefined };
}
