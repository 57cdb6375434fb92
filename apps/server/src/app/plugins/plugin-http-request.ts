import type { PluginHttpRequest } from '@warmpath/plugin-sdk';
import type { FastifyRequest } from 'fastify';

/**
 * The framework-agnostic request plugin routes and webhook parsers get. `rawBody` is the body exactly as received
 * (webhook signatures are computed over those bytes); `body` is parsed JSON when the content type says JSON.
 */
export function toPluginRequest(
  request: FastifyRequest,
  rawBody: Buffer | undefined,
  params: Record<string, string>,
): PluginHttpRequest {
  const text = rawBody && rawBody.length > 0 ? rawBody.toString('utf8') : null;
  let body: unknown = text;
  if (text !== null && (request.headers['content-type'] ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text; // the plugin sees the raw text and decides; a webhook signature covers the raw bytes anyway
    }
  }
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers))
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: request.method as PluginHttpRequest['method'],
    path: request.url.split('?')[0] ?? request.url,
    params,
    query: request.query as PluginHttpRequest['query'],
    headers,
    body,
    rawBody: text,
  };
}
