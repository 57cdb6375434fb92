import { z } from 'zod';

/**
 * Any JSON value (free-form answers, event properties, audit changes, webhook payloads). One shared instance, so
 * the OpenAPI document can name this recursive schema once as a component (`JsonValue`): a schema that refers to
 * itself cannot be written inline.
 */
export const jsonValueSchema = z.json();
