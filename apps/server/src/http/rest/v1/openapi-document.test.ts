import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';

interface Response {
  description?: string;
  headers?: Record<string, { schema?: object }>;
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

describe('the served OpenAPI document', () => {
  let server: TestServer;
  let document: Document;
  beforeAll(async () => {
    server = await startTestServer();
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    document = res.json();
  });
  afterAll(() => server?.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );

  it('is a valid OpenAPI 3.1 document whose every $ref resolves', async () => {
    // The validator dereferences in place: give it a copy.
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('defines the RFC 9457 Problem schema the error responses refer to', () => {
    const problem = document.components.schemas.Problem;
    expect(Object.keys(problem?.properties ?? {}).sort()).toEqual([
      'detail',
      'errors',
      'status',
      'title',
      'type',
    ]);
    expect(problem?.required?.sort()).toEqual(['detail', 'status', 'title', 'type']);
  });

  it('documents 401, 403 and 429 with Retry-After on every operation, as problem+json', () => {
    expect(operations().length).toBeGreaterThanOrEqual(15);
    for (const { name, operation } of operations()) {
      for (const status of ['401', '403', '429']) {
        const response = operation.responses[status];
        expect(response?.description, `${name} ${status}`).toEqual(expect.any(String));
        expect(response?.content?.['application/problem+json']?.schema, `${name} ${status}`).toEqual({
          $ref: '#/components/schemas/Problem',
        });
      }
      expect(operation.responses['429']?.headers?.['Retry-After']?.schema, name).toMatchObject({
        type: 'integer',
      });
    }
  });

  it('describes every error response as problem+json, the media type the API answers errors with', () => {
    for (const { name, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        expect(Object.keys(response.content ?? {}), `${name} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
    }
  });
});
