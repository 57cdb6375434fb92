import { z } from 'zod';
import { type LoopbackServer, type StandInReply, startLoopbackServer } from './loopback-server.js';

const OrderInputSchema = z.object({
  email: z.email(),
  name: z.string(),
  amount: z.number().int().positive(),
  currency: z.string().length(3),
  kind: z.string().min(1),
});

interface Order {
  id: string;
  status: 'delivered';
  /** The request body, to tell a replay from a reused key. */
  fingerprint: string;
}

/** A stand-in of the reward provider's API: a catalogue, orders idempotent by `Idempotency-Key`. */
export interface FakeRewards extends LoopbackServer {
  /** Orders paid, in order; a replayed key adds nothing. */
  readonly orders: Order[];
  /** Forgets every order. */
  reset(): void;
}

/** Starts the stand-in; only requests bearing `token` get through. */
export async function startFakeRewards(token: string): Promise<FakeRewards> {
  const orders: Order[] = [];
  const byKey = new Map<string, Order>();

  const server = await startLoopbackServer(({ method, url, headers, body }): StandInReply => {
    if (headers.authorization !== `Bearer ${token}`) return [401, { error: 'invalid token' }];
    if (method === 'GET' && url.pathname === '/me') return [200, { account: 'warmpath' }];
    if (method === 'GET' && url.pathname === '/catalog') {
      return [
        200,
        { items: [{ id: 'visa', name: 'Visa card', kind: 'gift_card', currencies: ['USD', 'EUR'] }] },
      ];
    }
    if (method === 'POST' && url.pathname === '/orders') {
      const key = headers['idempotency-key'];
      if (typeof key !== 'string' || key === '') return [400, { error: 'Idempotency-Key is required' }];
      const input = OrderInputSchema.safeParse(body);
      if (!input.success) return [400, { error: input.error.message }];
      const fingerprint = JSON.stringify(input.data);
      const known = byKey.get(key);
      if (known) return known.fingerprint === fingerprint ? [200, known] : [409, { error: 'key reused' }];
      const order: Order = { id: `order-${orders.length + 1}`, status: 'delivered', fingerprint };
      orders.push(order);
      byKey.set(key, order);
      return [201, order];
    }
    const order = orders.find((candidate) => url.pathname === `/orders/${candidate.id}`);
    if (method === 'GET' && order) return [200, order];
    return [404, { error: 'not found' }];
  });

  return {
    ...server,
    baseUrl: server.baseUrl,
    orders,
    reset() {
      orders.length = 0;
      byKey.clear();
    },
  };
}
