import { z } from 'zod';

/** The problem+json body, documented on every route's error responses. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

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
