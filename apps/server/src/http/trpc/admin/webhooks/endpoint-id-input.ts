import { z } from 'zod';

/** `{ id }` of a webhook endpoint. */
export const endpointIdInput = z.strictObject({ id: z.string().min(1).max(100) });
