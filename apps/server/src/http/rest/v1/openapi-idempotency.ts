import { IDEMPOTENCY_KEY_HEADER } from './idempotency.js';

// Loose on purpose: it walks whichever OpenAPI 3.x typing @fastify/swagger hands over.
type OpenApiDocument = { paths?: object };
type Operation = { parameters?: unknown[]; responses?: Record<string, unknown> };

const IDEMPOTENCY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string (a UUID works). A retry with the same key and body returns the first response without doing the work again; the same key with another body is a 422. Keys are kept for 24 hours.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

/**
 * Documents the `Idempotency-Key` header, which `registerIdempotency` accepts on every v1 POST, on every POST of the
 * OpenAPI document (with its 409 and 422 answers), so generated clients can send it.
 */
export function documentIdempotencyKey<T extends OpenApiDocument>(document: T): T {
  for (const methods of Object.values(document.paths ?? {}) as Record<string, unknown>[]) {
    const post = methods?.post as Operation | undefined;
    if (!post) continue;
    const parameters = post.parameters ?? [];
    const present = parameters.some(
      (parameter) =>
        typeof parameter === 'object' &&
        parameter !== null &&
        'name' in parameter &&
        String(parameter.name).toLowerCase() === IDEMPOTENCY_KEY_HEADER,
    );
    if (!present) post.parameters = [...parameters, IDEMPOTENCY_PARAMETER];
    post.responses = {
      '409': { description: 'A request with this Idempotency-Key is still being processed, or a conflict' },
      '422': { description: 'This Idempotency-Key was used with a different request body' },
      ...post.responses,
    };
  }
  return document;
}
