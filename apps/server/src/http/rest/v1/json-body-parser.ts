import type { FastifyInstance } from 'fastify';

/** The error code of a JSON body whose bytes are not valid UTF-8. */
export const BODY_NOT_UTF8 = 'WP_ERR_BODY_NOT_UTF8';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function bodyNotUtf8(): Error & { code: string; statusCode: number } {
  return Object.assign(new Error('The request body is not valid UTF-8'), {
    code: BODY_NOT_UTF8,
    statusCode: 400,
  });
}

/**
 * Makes the REST scope accept JSON only, and only valid UTF-8 JSON. Fastify's own parser decodes bytes leniently,
 * so invalid sequences would be stored as U+FFFD instead of being refused; its text/plain parser would hand a
 * string to routes that expect an object. Everything else is a 415. Call inside the REST plugin (encapsulated).
 */
export function acceptOnlyStrictJson(app: FastifyInstance) {
  // Fastify's parser keeps its protection against `__proto__` / `constructor.prototype` keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(bodyNotUtf8(), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
