import { vi } from 'vitest';

/**
 * An answer a fake procedure gives: data, or a tRPC error with its code, the field issues of bad input and, for a
 * refusal by a domain rule, the reason the server gives (`data.reason`).
 */
export class FakeTrpcError extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND',
    message: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
    readonly reason?: string,
  ) {
    super(message);
  }
}

type Procedure = (input: unknown) => unknown;

const HTTP_STATUS = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 } as const;

/**
 * The Warmpath server as the console's tRPC client sees it over `fetch`, answering from procedures a test
 * defines (`server.on('admin.plugins.list', () => [...])`) and recording every call. The app's real client,
 * links and query cache run unchanged; only the network is replaced, by {@link FakeTrpcServer.install}.
 */
export class FakeTrpcServer {
  readonly #procedures = new Map<string, Procedure>();
  readonly calls: Array<{ path: string; input: unknown }> = [];

  /** Answers calls of `path` with what `procedure` returns or throws ({@link FakeTrpcError} for tRPC errors). */
  on(path: string, procedure: Procedure): this {
    this.#procedures.set(path, procedure);
    return this;
  }

  /** The inputs `path` was called with, oldest first. */
  inputsOf(path: string): unknown[] {
    return this.calls.filter((call) => call.path === path).map((call) => call.input);
  }

  /** Replaces `fetch` for the current test (Vitest restores it afterwards: `unstubGlobals`). */
  install(): this {
    vi.stubGlobal('fetch', (url: string | URL | Request, init?: RequestInit) => this.#answer(url, init));
    return this;
  }

  // tRPC's batch protocol: `/trpc/a,b?batch=1`, inputs keyed by position (query string for queries, body for
  // mutations), one result per call in the answer.
  async #answer(url: string | URL | Request, init: RequestInit | undefined): Promise<Response> {
    const address = new URL(url instanceof Request ? url.url : String(url), 'http://console.test');
    const paths = decodeURIComponent(address.pathname.replace(/^\/trpc\//, '')).split(',');
    const inputs = JSON.parse(
      (init?.method === 'POST' ? String(init.body ?? '') : address.searchParams.get('input')) || '{}',
    ) as Record<string, unknown>;
    const results = await Promise.all(paths.map((path, index) => this.#call(path, inputs[String(index)])));
    const [only] = results;
    return new Response(JSON.stringify(results), {
      status: results.length === 1 && only?.error ? only.error.data.httpStatus : 200,
      headers: { 'content-type': 'application/json' },
    });
  }

  async #call(path: string, input: unknown) {
    this.calls.push({ path, input });
    const procedure = this.#procedures.get(path);
    try {
      if (!procedure) throw new FakeTrpcError('NOT_FOUND', `No fake procedure ${path}`);
      return { result: { data: (await procedure(input)) ?? null } };
    } catch (error) {
      if (!(error instanceof FakeTrpcError)) throw error;
      const httpStatus = HTTP_STATUS[error.code];
      const data = {
        code: error.code,
        httpStatus,
        path,
        issues: error.issues,
        ...(error.reason ? { reason: error.reason } : {}),
      };
      return { error: { message: error.message, code: -32600, data } };
    }
  }
}
