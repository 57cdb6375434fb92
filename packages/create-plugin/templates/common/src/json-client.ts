import type { FetchLike } from '@warmpath/plugin-sdk';

/** Where and how to reach the remote system's JSON API. */
export interface JsonClientOptions {
  /** The host's `ctx.http.fetch`: the plugin's only way out to the network. */
  fetch: FetchLike;
  baseUrl: string;
  /** Sent as a bearer token; never part of an error message. */
  token: string;
  timeoutMs: number;
}

/** One JSON call: a method, a path under the base URL, optional headers and body. */
export interface JsonCall {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The remote system answered with an error status. The message names the call, never the token. */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';

  constructor(
    readonly status: number,
    call: JsonCall,
  ) {
    super(`The remote system answered ${status} to ${call.method} ${call.path}`);
  }

  /** Rate limits and server errors may pass; a wrong token or URL does not fix itself. */
  get isRetryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

/** A thin JSON client: it knows HTTP and the bearer token, and nothing of Warmpath. */
export type JsonClient = (call: JsonCall) => Promise<unknown>;

/** Creates a client that calls the remote system through the host's `fetch`, each call bounded in time. */
export function createJsonClient(options: JsonClientOptions): JsonClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  return async (call) => {
    const response = await options.fetch(`${base}${call.path}`, {
      method: call.method,
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
        ...call.headers,
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw new RemoteError(response.status, call);
    return response.json();
  };
}

/** A failed check as Test connection shows it: the error's message, never a stack or a secret. */
export function failedCheck(error: unknown): { ok: false; message: string } {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}
