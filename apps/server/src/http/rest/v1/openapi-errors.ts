// Loose on purpose: it walks whichever OpenAPI 3.x typing @fastify/swagger hands over.
type OpenApiDocument = { paths?: object; components?: { schemas?: Record<string, unknown> } };
type Response = {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, unknown>;
};
type Operation = { security?: unknown[]; responses?: Record<string, Response> };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PROBLEM_JSON = 'application/problem+json';
const PROBLEM_REF = '#/components/schemas/Problem';

/** What each error status means anywhere in REST v1 (docs/api.md "Errors"). */
const DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid input; `errors` names each problem with its path',
  '401': 'Missing, unknown or revoked API key',
  '403': 'The API key lacks the scope this operation needs',
  '404': 'No such resource',
  '409': 'A conflict, or a request with this Idempotency-Key still being processed',
  '422': 'This Idempotency-Key was used with a different request body',
  '429':
    'Rate limited: too many requests with this API key, or too many failed authentications from this client IP',
};

const RETRY_AFTER = {
  description: 'Seconds to wait before retrying',
  schema: { type: 'integer', minimum: 1 },
};

/**
 * Documents the errors every REST v1 operation can answer, as the API answers them: 401 and 403 (from the API key
 * check, which runs on every operation that is not public), 429 with `Retry-After` (rate limits), and every error
 * response as `application/problem+json` with the `Problem` schema. Then drops component schemas nothing refers
 * to (the input twin zod's converter makes of every output component), so clients do not generate unused types.
 */
export function documentErrorResponses<T extends OpenApiDocument>(document: T): T {
  for (const methods of Object.values(document.paths ?? {}) as Record<string, Operation | undefined>[]) {
    for (const method of METHODS) {
      const operation = methods?.[method];
      if (!operation) continue;
      const responses = { ...operation.responses };
      const statuses = ['429', ...(isPublic(operation) ? [] : ['401', '403'])];
      for (const status of statuses) responses[status] ??= {};
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400) continue;
        responses[status] = problemResponse(status, response);
      }
      responses['429'] = { ...responses['429'], headers: { 'Retry-After': RETRY_AFTER } };
      operation.responses = responses;
    }
  }
  dropUnusedSchemas(document);
  return document;
}

function isPublic(operation: Operation): boolean {
  return Array.isArray(operation.security) && operation.security.length === 0;
}

function problemResponse(status: string, response: Response): Response {
  const description =
    response.description && response.description !== 'Default Response'
      ? response.description
      : (DESCRIPTIONS[status] ?? 'Error');
  return { ...response, description, content: { [PROBLEM_JSON]: { schema: { $ref: PROBLEM_REF } } } };
}

function dropUnusedSchemas(document: OpenApiDocument): void {
  const schemas = document.components?.schemas;
  if (!schemas) return;
  const used = new Set<string>();
  const pending: unknown[] = [document.paths];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
          const name = value.slice('#/components/schemas/'.length);
          // A component's own references (JsonValue refers to itself) are followed once.
          if (!used.has(name)) {
            used.add(name);
            pending.push(schemas[name]);
          }
        } else pending.push(value);
      }
    }
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}
