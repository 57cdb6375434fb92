import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a stand-in sees it: the JSON body is parsed (`undefined` when there is none). */
export interface StandInRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** What a stand-in answers: a status and a JSON body. */
export type StandInReply = [status: number, body: unknown];

/** A stand-in served on a loopback port. */
export interface LoopbackServer {
  /** The base URL to put in the plugin's settings. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves `handle` on 127.0.0.1 (a free port) as a JSON API, so tests drive the plugin's real HTTP calls. The
 * test host's `fetch` reaches loopback addresses only: a test can never call the real system by mistake.
 */
export async function startLoopbackServer(
  handle: (request: StandInRequest) => StandInReply | Promise<StandInReply>,
): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    const answer = async (): Promise<StandInReply> => {
      const text = Buffer.concat(await request.toArray()).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      return handle({ method: request.method ?? 'GET', url, headers: request.headers, body });
    };
    answer()
      .catch((error: unknown): StandInReply => [500, { error: String(error) }])
      .then(([status, body]) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
