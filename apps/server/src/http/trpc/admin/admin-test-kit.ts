import type { StaffRole } from '@warmpath/core';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestServer } from '../../../testing/test-server.js';
import { type Headers, signIn, staffCookie, trpcClient } from '../trpc-test-client.js';

/** A tRPC client bound to one staff session: `query`/`mutation` send its cookie. */
export interface StaffCaller {
  userId: string;
  query(path: string, input?: unknown): Promise<LightMyRequestResponse>;
  mutation(path: string, input?: unknown): Promise<LightMyRequestResponse>;
}

/** Signs in as the test owner. */
export async function ownerCaller(server: TestServer): Promise<StaffCaller> {
  const owner = await server.runtime.services.users.findByEmail(server.owner.email);
  if (!owner) throw new Error('the test owner is missing');
  return callerFor(server, owner.id, await signIn(server.app, server.owner));
}

/** Creates a staff member with `role` (email from `name`) and signs them in. */
export async function staffCaller(server: TestServer, role: StaffRole, name: string): Promise<StaffCaller> {
  const credentials = { email: `${name}@test.warmpath.local`, password: 'a long enough password 123' };
  const user = await server.runtime.services.users.createUser({ ...credentials, name, role });
  return callerFor(server, user.id, await signIn(server.app, credentials));
}

function callerFor(server: TestServer, userId: string, token: string): StaffCaller {
  const trpc = trpcClient(server.app);
  const cookie: Headers = staffCookie(token);
  return {
    userId,
    query: (path, input) => trpc.query(path, input, cookie),
    mutation: (path, input) => trpc.mutation(path, input, cookie),
  };
}

/** The procedure's result; fails the test (showing the body) unless it answered 200. */
// biome-ignore lint/suspicious/noExplicitAny: test payloads are read as JSON
export function dataOf(res: LightMyRequestResponse): any {
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result.data;
}

/** Asserts a tRPC error with this code and returns its message. */
export function errorOf(res: LightMyRequestResponse, code: string): string {
  expect(res.json().error?.data?.code, res.body).toBe(code);
  return res.json().error.message;
}
