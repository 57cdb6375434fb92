import { jsonValueSchema } from '@warmpath/core';
import { z } from 'zod';

/** The problem+json body (RFC 9457), documented on every route's error responses. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/**
 * The schemas the OpenAPI document names as components (`#/components/schemas/<id>`) instead of writing them out
 * where they are used: the problem body, and the recursive JSON value, which cannot be written inline at all. A
 * registry of REST v1's own rather than zod's global one, so no other module's ids can clash with these.
 */
export const openApiComponents = z.registry<{ id: string; description: string }>();
openApiComponents.add(problemSchema, {
  id: 'Problem',
  description: 'An RFC 9457 problem document: the body of every error. `errors` names each invalid input.',
});
openApiComponents.add(jsonValueSchema, { id: 'JsonValue', description: 'Any JSON value.' });

/** `?limit=&cursor=` of every list (docs/api.md "Pagination"). */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});

/** A page of items in the list shape of docs/api.md "Pagination". */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
} as const;
