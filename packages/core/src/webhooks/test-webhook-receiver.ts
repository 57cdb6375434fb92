import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a {@link TestWebhookReceiver} got. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as signed. */
  body: string;
}

/** A local HTTP endpoint on 127.0.0.1 that records webhook requests and answers with scripted status codes. */
export interface TestWebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks`. */
  readonly url: string;
  readonly requests: ReceivedWebhook[];
  /** The status codes of the next requests, in order; after those, 200. */
  respondWith(...statusCodes: number[]): void;
  close(): Promise<void>;
}

/** Starts a {@link TestWebhookReceiver} on a free loopback port. */
export async function startTestWebhookReceiver(): Promise<TestWebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const script: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(script.shift() ?? 200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    respondWith: (...statusCodes) => {
      script.push(...statusCodes);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
