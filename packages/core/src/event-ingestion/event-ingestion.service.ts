import { type CompanyRow, newId, type PersonRow } from '@warmpath/db';
import type { AuditContext } from '../audit/audit.schema.js';
import { SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { upsertCompanyByDomain, upsertPersonByEmail } from '../directory/directory.repository.js';
import { normaliseDomain } from '../directory/normalise.js';
import { parseInput, ValidationError, type ValidationIssue } from '../errors.js';
import {
  insertNewEventRows,
  type NewEventRow,
  selectKnownExternalIds,
} from './event-ingestion.repository.js';
import {
  EVENT_INGESTION_AUDIT_ACTIONS,
  type IngestEventsInput,
  type IngestEventsResult,
  ingestEventsInputSchema,
  type ParsedIngestEventsInput,
} from './event-ingestion.schema.js';

/** Dependencies of {@link EventIngestionService}. */
export interface EventIngestionServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
}

type ParsedEvent = ParsedIngestEventsInput['events'][number];

/** A parsed event with its company domain normalised. */
interface NormalisedEvent extends ParsedEvent {
  domain: string | undefined;
}

/**
 * Takes in product and customer-success signals (docs/api.md "Events") as touchpoints for attribution: each
 * new event becomes an `events` row linked to its person and company, which are added to the directory.
 * Sending an event id again is safe: it is counted as a duplicate and changes nothing.
 */
export class EventIngestionService {
  readonly #db: Executor;
  readonly #clock: Clock;

  constructor(deps: EventIngestionServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
  }

  /**
   * Stores the events whose id is new (1..500 per call) and reports how many were accepted and how many were
   * duplicates (an id stored before, or repeated in this batch). Invalid input is a `ValidationError` naming each
   * field (`events.3.company.domain`), and then nothing is stored.
   */
  async ingest(
    input: IngestEventsInput,
    context: AuditContext = SYSTEM_CONTEXT,
  ): Promise<IngestEventsResult> {
    const events = normaliseDomains(parseInput(ingestEventsInputSchema, input).events);
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (trx) => {
      const fresh = await newEventsOnly(trx, events);
      const companies = await upsertCompanies(trx, fresh, now);
      const people = await upsertPeople(trx, fresh, companies, now);
      const rows = fresh.map(
        (event): NewEventRow => ({
          id: newId(),
          external_id: event.id,
          type: event.type,
          occurred_at: new Date(event.occurredAt),
          person_id: event.person ? (people.get(event.person.email)?.id ?? null) : null,
          company_id: event.domain ? (companies.get(event.domain)?.id ?? null) : null,
          properties: event.properties ?? {},
          source: 'api',
          received_at: now,
        }),
      );
      const accepted = await insertNewEventRows(trx, rows);
      const result = { accepted, duplicates: events.length - accepted };
      if (accepted > 0) {
        // One entry per batch: who pushed how much. Per-event entries would drown the log in telemetry.
        await recordAudit(trx, {
          ...context,
          action: EVENT_INGESTION_AUDIT_ACTIONS.ingested,
          target: { type: 'events', id: null },
          changes: result,
          at: now,
        });
      }
      return result;
    });
  }
}

/** Normalises every company domain, reporting all bad ones at once. */
function normaliseDomains(events: ParsedEvent[]): NormalisedEvent[] {
  const issues: ValidationIssue[] = [];
  const normalised = events.map((event, index) => {
    if (!event.company) return { ...event, domain: undefined };
    try {
      return { ...event, domain: normaliseDomain(event.company.domain, `events.${index}.company.domain`) };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
      return { ...event, domain: undefined };
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return normalised;
}

/** The first event of each id not stored yet, in input order. */
async function newEventsOnly(executor: Executor, events: NormalisedEvent[]): Promise<NormalisedEvent[]> {
  const known = await selectKnownExternalIds(executor, [...new Set(events.map((event) => event.id))]);
  const fresh: NormalisedEvent[] = [];
  for (const event of events) {
    if (known.has(event.id)) continue;
    known.add(event.id);
    fresh.push(event);
  }
  return fresh;
}

/**
 * The companies of these events by domain, created when new. Sorted, so two concurrent batches lock the same rows
 * in the same order and cannot deadlock.
 */
async function upsertCompanies(
  executor: Executor,
  events: NormalisedEvent[],
  now: Date,
): Promise<Map<string, CompanyRow>> {
  const names = new Map<string, string | undefined>();
  for (const event of events) {
    if (event.domain && !names.get(event.domain)) names.set(event.domain, event.company?.name);
  }
  const companies = new Map<string, CompanyRow>();
  for (const domain of [...names.keys()].sort()) {
    companies.set(
      domain,
      await upsertCompanyByDomain(executor, { domain, name: names.get(domain) ?? domain }, now),
    );
  }
  return companies;
}

/** The people of these events by email, created when new and linked to their event's company. Sorted, as above. */
async function upsertPeople(
  executor: Executor,
  events: NormalisedEvent[],
  companies: Map<string, CompanyRow>,
  now: Date,
): Promise<Map<string, PersonRow>> {
  const details = new Map<string, { name: string | undefined; companyId: string | undefined }>();
  for (const event of events) {
    if (!event.person) continue;
    const seen = details.get(event.person.email);
    const companyId = event.domain ? companies.get(event.domain)?.id : undefined;
    details.set(event.person.email, {
      name: seen?.name ?? event.person.name,
      companyId: seen?.companyId ?? companyId,
    });
  }
  const people = new Map<string, PersonRow>();
  for (const email of [...details.keys()].sort()) {
    const { name, companyId } = details.get(email) ?? { name: undefined, companyId: undefined };
    // A person must have a name; until someone gives one, the address stands in for it.
    people.set(email, await upsertPersonByEmail(executor, { email, name: name ?? email, companyId }, now));
  }
  return people;
}
