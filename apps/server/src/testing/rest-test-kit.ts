import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

/** One REST v1 request as the suites write it. */
export interface RestRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** The API key to send; `null` sends none. Defaults to the server's all-scopes key. */
  key?: string | null;
  /** The payload: an object is sent as JSON, a string as it is (give its `content-type` in `headers`). */
  body?: unknown;
  /** Extra request headers; the key's `authorization` header wins over one given here. */
  headers?: Record<string, string>;
}

/** Sends REST v1 requests to one test server. */
export type RestCaller = (request: RestRequest) => Promise<LightMyRequestResponse>;

/** A {@link RestCaller} for `server`, sending its all-scopes API key unless a request names another (or `null`). */
export function restCaller(server: TestServer): RestCaller {
  return ({ method, url, key = server.apiKey, body, headers = {} }) =>
    server.app.inject({
      method,
      url,
      headers: { ...headers, ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
      ...(body === undefined ? {} : { payload: body as object }),
    });
}

/** REST v1 call with the test server's all-scopes API key. */
export function restCall(
  server: TestServer,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return restCaller(server)({ method, url, body: payload });
}

/** The body of an RFC 9457 problem, as the REST API answers every error. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** One entry per invalid input, for a 400. */
  errors?: { path: string; message: string }[];
}

/**
 * Asserts the response has this status and an `application/problem+json` content type; returns the body.
 * {@link expectProblem} also checks the body's members.
 */
export function expectProblemJson(res: LightMyRequestResponse, status: number): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.json();
}

/** Asserts a problem+json response with this status whose body has `status`, `type` and `title`; returns the body. */
export function expectProblem(res: LightMyRequestResponse, status: number): ProblemBody {
  const body = expectProblemJson(res, status);
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  return body;
}
