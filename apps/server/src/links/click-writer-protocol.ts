import type { ClickFacts } from './click-from-request.js';

/**
 * The messages between the request thread and the click writer thread. Clicks travel as one flat array of
 * primitives per batch: structured clone copies that far more cheaply than an array of objects.
 */

/** The click writer's `workerData`. */
export interface ClickWriterSettings {
  databaseUrl: string;
  ipHashSalt: string;
  batchSize: number;
  flushIntervalMs: number;
}

export type ToClickWriter =
  | { kind: 'clicks'; facts: FlatClickFacts }
  | { kind: 'flush'; id: number }
  | { kind: 'close'; id: number };

export type FromClickWriter =
  /** Clicks that left the writer: written, or dropped (given up at shutdown). */
  | { kind: 'settled'; written: number; dropped: number }
  | { kind: 'log'; level: 'warn' | 'error'; fields: object; message: string }
  /** The answer to a flush or close; `error` when a write failed. */
  | { kind: 'done'; id: number; error?: string };

/** {@link ClickFacts} fields, in this order, for every click of a batch. */
export type FlatClickFacts = (string | number | Record<string, string> | null)[];

export const FIELDS_PER_CLICK = 9;

/** Appends one click to a flat batch. */
export function pushClickFacts(flat: FlatClickFacts, facts: ClickFacts): void {
  flat.push(
    facts.at,
    facts.method,
    facts.ip,
    facts.userAgent ?? null,
    facts.enrollmentId,
    facts.trackId,
    facts.participantId,
    facts.destination,
    facts.query ?? null,
  );
}

/** The click at `index` of a flat batch. */
export function clickFactsAt(flat: FlatClickFacts, index: number): ClickFacts {
  const at = index * FIELDS_PER_CLICK;
  const userAgent = flat[at + 3];
  const query = flat[at + 8];
  return {
    at: flat[at] as number,
    method: flat[at + 1] as string,
    ip: flat[at + 2] as string,
    userAgent: typeof userAgent === 'string' ? userAgent : undefined,
    enrollmentId: flat[at + 4] as string,
    trackId: flat[at + 5] as string,
    participantId: flat[at + 6] as string,
    destination: flat[at + 7] as string,
    query: typeof query === 'object' && query !== null ? query : undefined,
  };
}
