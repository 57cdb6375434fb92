import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DocumentedOperation,
  encodeComponent,
  type KnownValues,
  malformedBodyText,
  mutate,
  nastyString,
  nastyValue,
  type OpenApiDocument,
  operationsOf,
  rawUrlPiece,
  storableOddText,
  validValue,
} from '../../../testing/openapi-arbitraries.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

/**
 * Every REST v1 operation of the served OpenAPI document, called with an all-scopes key and malformed parameters
 * and bodies (NULs, unpaired surrogates, huge strings, wrong types, deep nesting, unknown fields, broken JSON):
 * nothing may answer 500 or more. Deterministic: FUZZ_SEED and FUZZ_RUNS (per operation) change the run; a failure
 * prints its seed, and the counterexample shrunk to the smallest request that fails.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const stacks = await testStacks();

interface FuzzRequest {
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

describe.each(stacks)(
  `REST v1 under malformed input on $name (seed ${SEED}, ${RUNS} runs per operation)`,
  (stack) => {
    let server: TestServer;
    let document: OpenApiDocument;
    const known: KnownValues = {};
    const ids: Record<string, string> = {};

    const send = (method: string, request: FuzzRequest): Promise<LightMyRequestResponse> =>
      server.app.inject({
        method: method as 'GET',
        url: request.url,
        headers: { authorization: `Bearer ${server.apiKey}`, ...request.headers },
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });

    beforeAll(async () => {
      server = await startTestServer({ stack });
      const json = async (method: string, url: string, body: object) => {
        const res = await send(method, {
          url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, res.body).toBeLessThan(300);
        return res.json() as { id: string };
      };
      // Real rows to address, so requests with valid ids go past the look-ups into the handlers.
      await json('POST', '/api/v1/tracks', {
        slug: 'fuzz',
        name: 'Fuzz',
        kind: 'partner',
        landingUrl: 'https://example.com/',
      });
      const participant = await json('POST', '/api/v1/participants', {
        email: 'referrer@example.com',
        name: 'Referrer',
        tracks: ['fuzz'],
      });
      const referral = await json('POST', '/api/v1/referrals', {
        track: 'fuzz',
        participantId: participant.id,
        company: { name: 'Acme', domain: 'acme.example' },
        contacts: [{ name: 'Dana', email: 'dana@acme.example' }],
      });
      const endpoint = await json('POST', '/api/v1/webhook-endpoints', {
        url: 'https://127.0.0.1/fuzz',
        events: ['referral.created'],
      });
      Object.assign(ids, {
        participants: participant.id,
        referrals: referral.id,
        'webhook-endpoints': endpoint.id,
      });
      Object.assign(known, {
        track: 'fuzz',
        tracks: ['fuzz'],
        participantId: participant.id,
        email: 'fuzz@example.com',
        domain: 'fuzz.example',
        url: 'https://127.0.0.1/fuzz',
      });
      const res = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      document = res.json();
    });
    afterAll(() => server?.close());

    /** The value a path parameter has for the seeded rows: `/tracks/{slug}` → `fuzz`, `/referrals/{id}` → its id. */
    const seededParameter = (path: string, name: string): string => {
      if (name === 'slug') return 'fuzz';
      const resource = /^\/api\/v1\/([^/]+)\/\{id\}/.exec(path)?.[1] ?? '';
      return name === 'id' ? (ids[resource] ?? 'missing') : 'missing';
    };

    /**
     * Requests for one operation that each break one part (a path parameter, the query string, the body or the
     * Idempotency-Key), the other parts valid, so each malformation reaches as far into the server as it can; plus
     * some fully valid requests whose text fields carry odd but storable text.
     */
    const requestFor = ({ method, path, operation }: DocumentedOperation): fc.Arbitrary<FuzzRequest> => {
      const pathNames = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
      const urlWith = (segments: readonly string[]) =>
        pathNames.reduce((url, name, index) => url.replace(`{${name}}`, segments[index] ?? ''), path);
      const validUrl = urlWith(pathNames.map((name) => encodeComponent(seededParameter(path, name))));
      const brokenSegment = fc.oneof({ weight: 3, arbitrary: nastyString.map(encodeComponent) }, rawUrlPiece);
      const brokenUrl =
        pathNames.length === 0
          ? fc.constant(validUrl)
          : fc
              .tuple(fc.nat({ max: pathNames.length - 1 }), brokenSegment)
              .map(([broken, segment]) =>
                urlWith(
                  pathNames.map((name, index) =>
                    index === broken ? segment : encodeComponent(seededParameter(path, name)),
                  ),
                ),
              );

      const queryNames = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const brokenQuery = fc
        .array(
          fc.tuple(
            fc.constantFrom(...queryNames, 'unknown', encodeComponent('k\u0000'), '%zz'),
            fc.oneof(
              fc.constantFrom('1', '200', '0', '-1', '999999999999999999999', 'fuzz', ''),
              nastyString.map(encodeComponent),
              rawUrlPiece,
            ),
          ),
          { minLength: 1, maxLength: 4 },
        )
        .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&'));

      const schema = operation.requestBody?.content['application/json']?.schema;
      const json = (value: unknown) => ({ payload: JSON.stringify(value), contentType: 'application/json' });
      const validBody: fc.Arbitrary<{ payload?: string; contentType?: string }> = schema
        ? validValue(schema, document, known).map(json)
        : fc.constant({});
      const oddBody = schema
        ? fc
            .tuple(validValue(schema, document, known), fc.nat(), storableOddText)
            .map(([valid, choice, text]) => json(mutate(valid, choice, text, false)))
        : validBody;
      const brokenBody = schema
        ? fc.oneof(
            {
              weight: 5,
              arbitrary: fc
                .tuple(validValue(schema, document, known), fc.nat(), nastyValue, fc.boolean())
                .map(([valid, choice, replacement, addField]) =>
                  json(mutate(valid, choice, replacement, addField)),
                ),
            },
            {
              weight: 2,
              arbitrary: malformedBodyText.map((payload) => ({ payload, contentType: 'application/json' })),
            },
            {
              weight: 1,
              arbitrary: fc.constantFrom(
                { payload: 'a=1', contentType: 'application/x-www-form-urlencoded' },
                { payload: '{"a":1}', contentType: 'text/plain' },
                { payload: '{}', contentType: 'application/json; charset=latin1' },
                { payload: '\xff\xfe{', contentType: 'application/json' },
              ),
            },
          )
        : fc.oneof(
            malformedBodyText.map((payload) => ({ payload, contentType: 'application/json' })),
            fc.constant({}),
          );
      const brokenIdempotencyKey = fc.oneof(
        fc.constant('k'.repeat(300)),
        fc.string({ maxLength: 8 }),
        fc.uuid(),
      );

      const request = (
        url: string,
        body: { payload?: string; contentType?: string },
        idempotencyKey?: string,
      ): FuzzRequest => ({
        url,
        headers: {
          ...(body.contentType ? { 'content-type': body.contentType } : {}),
          ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
        },
        ...(body.payload === undefined ? {} : { payload: body.payload }),
      });
      const kinds: fc.WeightedArbitrary<FuzzRequest>[] = [
        { weight: 2, arbitrary: oddBody.map((body) => request(validUrl, body)) },
        { weight: 2, arbitrary: fc.tuple(brokenUrl, validBody).map(([url, body]) => request(url, body)) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(brokenQuery, validBody)
            .map(([query, body]) => request(`${validUrl}?${query}`, body)),
        },
        { weight: schema ? 5 : 1, arbitrary: brokenBody.map((body) => request(validUrl, body)) },
      ];
      if (method === 'POST') {
        kinds.push({
          weight: 1,
          arbitrary: fc
            .tuple(brokenIdempotencyKey, validBody)
            .map(([key, body]) => request(validUrl, body, key)),
        });
      }
      return fc.oneof(...kinds);
    };

    it('covers every operation of the document', () => {
      expect(operationsOf(document).length).toBeGreaterThanOrEqual(15);
    });

    // One test for all operations: vitest collects tests before beforeAll has fetched the document. Every operation
    // runs even when one fails, and the failure lists each failing operation with its seed and counterexample.
    it(
      'answers every malformed request with less than 500',
      async () => {
        const failures: string[] = [];
        for (const operation of operationsOf(document)) {
          await fc
            .assert(
              fc.asyncProperty(requestFor(operation), async (request) => {
                const res = await send(operation.method, request);
                expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
              }),
              { seed: SEED, numRuns: RUNS },
            )
            .catch((error: unknown) => {
              failures.push(
                `${operation.method} ${operation.path}: ${error instanceof Error ? error.message : String(error)}`,
              );
            });
        }
        expect(failures, failures.join('\n\n')).toEqual([]);
      },
      Math.max(30_000, RUNS * 2_000),
    );
  },
);
