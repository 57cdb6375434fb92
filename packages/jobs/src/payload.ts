import type { z } from 'zod';
import { JobPayloadValidationError } from './errors.js';

/**
 * Payloads travel as JSON (BullMQ stores them in Redis), so both drivers validate the JSON form: a `Date` arrives
 * in the handler as a string on either driver, and a schema that would reject that fails at enqueue, not later.
 * Returns the JSON form to store.
 */
export function toWirePayload(jobName: string, schema: z.ZodType, payload: unknown): unknown {
  if (payload === undefined) {
    throw new JobPayloadValidationError(jobName, [
      { path: [], message: 'A payload is required (use {} for none)' },
    ]);
  }
  let wire: unknown;
  try {
    wire = JSON.parse(JSON.stringify(payload));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JobPayloadValidationError(jobName, [
      { path: [], message: `Payload is not JSON-serialisable: ${reason}` },
    ]);
  }
  parsePayload(jobName, schema, wire);
  return wire;
}

/** Parses a stored payload with the job's schema, returning the handler's typed input (defaults, transforms). */
export function parsePayload(jobName: string, schema: z.ZodType, wire: unknown): unknown {
  const result = schema.safeParse(wire);
  if (result.success) return result.data;
  throw new JobPayloadValidationError(
    jobName,
    result.error.issues.map((issue) => ({
      path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
      message: issue.message,
    })),
  );
}
