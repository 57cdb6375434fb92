import { z } from 'zod';
import { type LoopbackServer, type StandInReply, startLoopbackServer } from './loopback-server.js';

const MessageInputSchema = z.object({ channel: z.string().min(1), title: z.string(), text: z.string() });

/** A message the stand-in accepted. */
export interface ReceivedMessage extends z.infer<typeof MessageInputSchema> {
  id: string;
}

/** A stand-in of the chat system's API: messages idempotent by `Idempotency-Key`, a bearer token. */
export interface FakeChat extends LoopbackServer {
  /** Messages posted, in order; a replayed key adds nothing. */
  readonly messages: ReceivedMessage[];
  /** Forgets every message. */
  reset(): void;
}

/** Starts the stand-in; only requests bearing `token` get through. */
export async function startFakeChat(token: string): Promise<FakeChat> {
  const messages: ReceivedMessage[] = [];
  const byKey = new Map<string, ReceivedMessage>();

  const server = await startLoopbackServer(({ method, url, headers, body }): StandInReply => {
    if (headers.authorization !== `Bearer ${token}`) return [401, { error: 'invalid token' }];
    if (method === 'GET' && url.pathname === '/me') return [200, { workspace: 'acme' }];
    if (method !== 'POST' || url.pathname !== '/messages') return [404, { error: 'not found' }];
    const key = headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return [400, { error: 'Idempotency-Key is required' }];
    const replayed = byKey.get(key);
    if (replayed) return [200, replayed];
    const input = MessageInputSchema.safeParse(body);
    if (!input.success) return [400, { error: input.error.message }];
    const message = { ...input.data, id: `msg-${messages.length + 1}` };
    messages.push(message);
    byKey.set(key, message);
    return [201, message];
  });

  return {
    ...server,
    baseUrl: server.baseUrl,
    messages,
    reset() {
      messages.length = 0;
      byKey.clear();
    },
  };
}
