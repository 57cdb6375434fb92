import { z } from 'zod';

/** The input of procedures acting on one staff account. */
export const userIdInput = z.strictObject({ id: z.string().min(1).max(100) });
