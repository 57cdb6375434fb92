import { z } from 'zod';
import { JsonValueSchema } from './json.schema.js';

/** HTTP methods a plugin route may answer. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** Validates an {@link HttpMethod}. */
export const HttpMethodSchema = z.enum(HTTP_METHODS);
/** An HTTP method a plugin route may answer. */
export type HttpMethod = z.infer<typeof HttpMethodSchema>;

/** Validates a {@link PluginHttpRequest}. */
export const PluginHttpRequestSchema = z.object({
  method: HttpMethodSchema,
  /** The full request path as received (e.g. `/plugins/crm-salesforce/default/oauth/callback`). */
  path: z.string(),
  /** Values of the `:name` segments of the route path. */
  params: z.record(z.string(), z.string()),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: z.record(z.string(), z.string().optional()),
  /** The parsed body (JSON or form), or undefined when there is none. */
  body: z.unknown(),
  /** The body exactly as received, for signature checks; null when there is none. */
  rawBody: z.string().nullable(),
});
/** A framework-agnostic HTTP request handed to plugin routes and webhook parsers. */
export type PluginHttpRequest = z.infer<typeof PluginHttpRequestSchema>;

/** Validates a {@link PluginHttpResponse}. */
export const PluginHttpResponseSchema = z.object({
  status: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.string()).optional(),
  /** A string is sent as is; anything else as JSON. */
  body: JsonValueSchema.optional(),
});
/** A framework-agnostic HTTP response returned by plugin routes. */
export type PluginHttpResponse = z.infer<typeof PluginHttpResponseSchema>;

/** What a webhook parser answers when it refuses a request (bad signature, unknown payload). */
export const WebhookRefusalSchema = z.object({
  ok: z.literal(false),
  /** The HTTP status the host answers with (4xx). */
  status: z.number().int().min(400).max(499),
  message: z.string().min(1),
});
/** A refused webhook. */
export type WebhookRefusal = z.infer<typeof WebhookRefusalSchema>;
