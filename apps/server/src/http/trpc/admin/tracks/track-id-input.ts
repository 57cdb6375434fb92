import { z } from 'zod';

/** The input of procedures that act on one track. */
export const trackIdInput = z.strictObject({ id: z.string().min(1).max(100) });
