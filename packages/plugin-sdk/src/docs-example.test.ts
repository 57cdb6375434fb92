/**
 * The worked example of docs/plugin-authoring.md, run for real: every `// #region <name>` below is the body of a
 * code block of the guide (the guide's blocks add the imports each file needs; they are gathered at the top here
 * because the example's files share this one test file). The last tests fail when the guide drifts from this file
 * or from `docs-crm-example.test.ts`, the guide's in-house CRM example, checked the same way.
 */
// biome-ignore-all lint/suspicious/noExportsInTest: the regions are the guide's files and keep their exports; nothing imports this file.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ConnectionCheck,
  definePlugin,
  type FetchLike,
  type Notifier,
  secret,
} from '@warmpath/plugin-sdk';
import {
  createTestHost,
  describeNotifierContract,
  sampleCompany,
  sampleContact,
  sampleParticipant,
  sampleReferral,
} from '@warmpath/plugin-sdk/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

// #region settings
/** Deploy-time config (WARMPATH_PLUGIN_CONFIG), the same for every instance. */
export const chatConfigSchema = z.object({
  requestTimeoutMs: z.number().int().positive().default(5000),
});

/** Per-installation settings, entered by an admin and stored by the host. */
export const chatSettingsSchema = z.object({
  webhookUrl: z.url().describe('The incoming-webhook URL Acme Chat gave you.'),
  // secret(): encrypted at rest with WARMPATH_SECRET_KEY and write-only: the host never hands it back.
  token: secret(z.string().min(1).describe('The webhook token, sent as a bearer token.')),
  channel: z.string().min(1).default('#referrals').describe('Where new referrals are announced.'),
});
// #endregion settings

// #region chat-client
/** A message as Acme Chat's incoming-webhook API takes it. */
export interface ChatPost {
  channel: string;
  title: string;
  text: string;
}

/** A thin client of Acme Chat's incoming-webhook API. */
export interface ChatClient {
  /** Posts a message. Acme Chat answers a repeated `Idempotency-Key` with the first message's id. */
  post(message: ChatPost, idempotencyKey: string): Promise<{ messageId: string }>;
  /** Reads the webhook's default channel: proves the URL and the token work. */
  describeWebhook(): Promise<{ channel: string }>;
}

/** Where and how to reach Acme Chat. */
export interface ChatClientOptions {
  fetch: FetchLike;
  webhookUrl: string;
  token: string;
  timeoutMs: number;
}

/** Acme Chat answered with an error status. The message never contains the token. */
export class ChatApiError extends Error {
  override readonly name = 'ChatApiError';

  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`Acme Chat answered ${status}: ${detail.slice(0, 200)}`);
  }

  /** Rate limits and server errors pass; a wrong token or URL does not fix itself. */
  get isRetryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

const PostAnswerSchema = z.object({ messageId: z.string().min(1) });
const WebhookAnswerSchema = z.object({ channel: z.string() });

/** Creates a client that calls Acme Chat through the host's `fetch`. */
export function createChatClient(options: ChatClientOptions): ChatClient {
  async function call(
    method: 'GET' | 'POST',
    extra?: { headers: Record<string, string>; body: string },
  ): Promise<unknown> {
    const response = await options.fetch(options.webhookUrl, {
      method,
      headers: { authorization: `Bearer ${options.token}`, ...extra?.headers },
      body: extra?.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw new ChatApiError(response.status, await response.text());
    return response.json();
  }

  return {
    async post(message, idempotencyKey) {
      const answer = await call('POST', {
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(message),
      });
      return PostAnswerSchema.parse(answer);
    },
    async describeWebhook() {
      return WebhookAnswerSchema.parse(await call('GET'));
    },
  };
}
// #endregion chat-client

// #region chat-notifier
/** Delivers Warmpath notifications to Acme Chat channels (a recipient's address is a channel). */
export function createChatNotifier(chat: ChatClient): Notifier {
  return {
    apiVersion: 1,
    channel: 'acme-chat',
    async send(message) {
      const messageIds: string[] = [];
      for (const recipient of message.to) {
        // One key per channel: a retry after a partial failure skips the channels already served.
        const { messageId } = await chat.post(
          { channel: recipient.address, title: message.subject, text: message.text },
          `${message.idempotencyKey}:${recipient.address}`,
        );
        messageIds.push(messageId);
      }
      return { id: messageIds.join(',') };
    },
    async verifyConnection(): Promise<ConnectionCheck> {
      try {
        const { channel } = await chat.describeWebhook();
        return { ok: true, details: { channel } };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
// #endregion chat-notifier

// #region index
/** Announces new referrals in Acme Chat and delivers Warmpath notifications there. */
const acmeChatPlugin = definePlugin({
  id: 'acme-chat',
  version: '0.1.0',
  sdk: '^1',
  displayName: 'Acme Chat',
  description: 'Announces new referrals in Acme Chat and delivers notifications there.',
  configSchema: chatConfigSchema,
  settingsSchema: chatSettingsSchema,
  register(ctx) {
    const notifier = createChatNotifier(
      createChatClient({
        fetch: ctx.http.fetch,
        webhookUrl: ctx.settings.webhookUrl,
        token: ctx.settings.token,
        timeoutMs: ctx.config.requestTimeoutMs,
      }),
    );
    ctx.notifiers.add('chat', () => notifier);

    const announceReferral = ctx.jobs.define('announce-referral', {
      payload: z.object({ referralId: z.string().min(1) }),
      async handler({ referralId }, job) {
        const details = await ctx.services.referrals.get(referralId);
        if (!details) {
          ctx.logger.warn({ referralId }, 'Referral not found; nothing to announce');
          return;
        }
        const referrer = await ctx.services.participants.get(details.referral.participantId);
        const who = referrer?.name ?? 'A referrer';
        const { company, contacts } = details;
        try {
          await notifier.send({
            // Stable per referral: a retried job or a redelivered event never posts twice.
            idempotencyKey: `referral-created:${referralId}`,
            to: [{ address: ctx.settings.channel }],
            subject: `New referral: ${company.name}`,
            text: `${who} introduced ${company.name} (${company.domain}), ${contacts.length} contact(s).`,
          });
        } catch (error) {
          if (error instanceof ChatApiError && !error.isRetryable) {
            ctx.logger.error({ referralId, status: error.status }, 'Acme Chat refused the announcement');
            return; // retrying would fail the same way: an admin must fix the settings
          }
          throw error; // the queue runs the job again, with backoff
        }
        ctx.logger.info({ referralId, attempt: job.attempt }, 'Referral announced in Acme Chat');
      },
    });

    ctx.events.on('referral.created', async (event) => {
      // Events arrive at least once: the key makes a redelivery enqueue nothing new.
      await announceReferral.enqueue(
        { referralId: event.data.referralId },
        { idempotencyKey: `announce-referral:${event.data.referralId}` },
      );
    });
  },
});

export default acmeChatPlugin;
// #endregion index

// #region fake-acme-chat
/** A message the stand-in accepted. */
export interface ReceivedPost extends ChatPost {
  messageId: string;
  idempotencyKey: string;
}

/** A stand-in for Acme Chat's incoming-webhook API on a loopback port, speaking its wire format. */
export interface FakeAcmeChat {
  /** The webhook URL to put in the plugin's settings. */
  readonly webhookUrl: string;
  /** Messages posted, in order; a replayed `Idempotency-Key` adds nothing. */
  readonly posts: ReceivedPost[];
  /** Answers the next `count` requests with `status` (429, 503…) instead of handling them. */
  failNext(status: number, count?: number): void;
  /** Forgets every post and queued failure. */
  reset(): void;
  close(): Promise<void>;
}

const ChatPostSchema = z.object({
  channel: z.string().min(1),
  title: z.string().min(1),
  text: z.string().min(1),
});

/** Starts the stand-in; only requests bearing `token` get through. */
export async function startFakeAcmeChat(token: string): Promise<FakeAcmeChat> {
  const posts: ReceivedPost[] = [];
  const byKey = new Map<string, ReceivedPost>();
  const failures: number[] = [];

  const reply = (
    response: ServerResponse,
    status: number,
    body: object,
    headers: Record<string, string> = {},
  ) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const failure = failures.shift();
    if (failure !== undefined) {
      return reply(response, failure, { error: 'try again later' }, { 'retry-after': '1' });
    }
    if (request.url !== '/hooks/warmpath') return reply(response, 404, { error: 'no such webhook' });
    if (request.headers.authorization !== `Bearer ${token}`) {
      return reply(response, 401, { error: 'invalid token' });
    }
    if (request.method === 'GET') return reply(response, 200, { channel: '#general' });
    if (request.method !== 'POST') return reply(response, 405, { error: 'use GET or POST' });

    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') {
      return reply(response, 400, { error: 'Idempotency-Key is required' });
    }
    const replayed = byKey.get(key);
    if (replayed) return reply(response, 200, { messageId: replayed.messageId });
    const parsed = ChatPostSchema.safeParse(parseJson(await readBody(request)));
    if (!parsed.success) return reply(response, 400, { error: parsed.error.message });

    const post: ReceivedPost = { ...parsed.data, messageId: `msg-${posts.length + 1}`, idempotencyKey: key };
    posts.push(post);
    byKey.set(key, post);
    reply(response, 201, { messageId: post.messageId });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => reply(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    webhookUrl: `http://127.0.0.1:${port}/hooks/warmpath`,
    posts,
    failNext(status, count = 1) {
      for (let index = 0; index < count; index++) failures.push(status);
    },
    reset() {
      posts.length = 0;
      byKey.clear();
      failures.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
// #endregion fake-acme-chat

// #region plugin-test
const chat = await startFakeAcmeChat('chat-token');
afterAll(() => chat.close());
beforeEach(() => chat.reset());

/** Boots the plugin in the test host, configured against the stand-in. */
function bootAcmeChat(settings: { token?: string } = {}) {
  return createTestHost({
    plugins: [acmeChatPlugin],
    settings: { 'acme-chat': { webhookUrl: chat.webhookUrl, token: settings.token ?? 'chat-token' } },
    jobAttempts: 3,
  });
}

describeNotifierContract('Acme Chat notifier', () => bootAcmeChat().get('notifiers', 'chat'), {
  message: { to: [{ address: '#referrals' }] },
});

describe('the Acme Chat plugin', () => {
  const referralCreated = {
    referralId: 'referral-1',
    trackId: 'track-partners',
    participantId: 'participant-riley',
    companyId: 'company-acme',
    status: 'submitted',
  } as const;

  function bootWithReferral(settings: { token?: string } = {}) {
    const test = bootAcmeChat(settings);
    test.services.referrals.put({
      referral: sampleReferral(),
      company: sampleCompany(),
      contacts: [sampleContact()],
    });
    test.services.participants.put(sampleParticipant());
    return test;
  }

  it('announces a new referral once, even when the event is delivered twice', async () => {
    const test = bootWithReferral();
    await test.events.emit('referral.created', referralCreated, { id: 'event-1' });
    await test.events.emit('referral.created', referralCreated, { id: 'event-1' });
    await test.jobs.drain();

    expect(chat.posts).toEqual([
      expect.objectContaining({
        channel: '#referrals',
        title: 'New referral: Acme Corp',
        text: 'Riley Partner introduced Acme Corp (acme.example), 1 contact(s).',
      }),
    ]);
  });

  it('retries when Acme Chat is unavailable, and posts once it is back', async () => {
    const test = bootWithReferral();
    chat.failNext(503);
    await test.events.emit('referral.created', referralCreated);
    const { completed, failed } = await test.jobs.drain();

    expect(failed).toEqual([]);
    expect(completed.map((job) => job.attempts)).toEqual([2]);
    expect(chat.posts).toHaveLength(1);
  });

  it('does not retry a refused token: it logs the refusal for an admin to fix', async () => {
    const test = bootWithReferral({ token: 'revoked-token' });
    await test.events.emit('referral.created', referralCreated);
    const { completed } = await test.jobs.drain();

    expect(completed.map((job) => job.attempts)).toEqual([1]);
    expect(chat.posts).toEqual([]);
    expect(test.logger.find('error', 'Acme Chat refused')).toHaveLength(1);
  });

  it('reports a wrong token in Test connection without revealing it', async () => {
    const check = await bootAcmeChat({ token: 'revoked-token' })
      .get('notifiers', 'chat')
      .verifyConnection?.();
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('401') });
    expect(JSON.stringify(check)).not.toContain('revoked-token');
  });

  it('keeps the token write-only in the settings form and requires the webhook URL', () => {
    const [summary] = bootAcmeChat().host.plugins();
    expect(summary?.secretSettings).toEqual(['token']);
    expect(summary?.settingsJsonSchema.required).toEqual(['webhookUrl', 'token']);
    expect(() => createTestHost({ plugins: [acmeChatPlugin], settings: { 'acme-chat': {} } })).toThrow(
      /webhookUrl/,
    );
  });
});
// #endregion plugin-test

// #region webhook-route
/** True when `signature` is `sha256=<hex HMAC-SHA256 of the raw body>` under `signingSecret`. */
export function hasValidSignature(
  rawBody: string | null,
  signature: string | undefined,
  signingSecret: string,
): boolean {
  if (rawBody === null || signature === undefined) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', signingSecret).update(rawBody).digest('hex')}`);
  const actual = Buffer.from(signature);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const InvoicePaidSchema = z.object({ invoiceId: z.string().min(1), amount: z.number().int() });

const acmeErpPlugin = definePlugin({
  id: 'acme-erp',
  version: '0.1.0',
  sdk: '^1',
  configSchema: z.object({}),
  settingsSchema: z.object({ signingSecret: secret(z.string().min(16)) }),
  register(ctx) {
    const recordInvoice = ctx.jobs.define('record-invoice', {
      payload: InvoicePaidSchema,
      async handler(invoice) {
        await ctx.kv.set(`invoice:${invoice.invoiceId}`, invoice);
      },
    });

    ctx.http.route({
      method: 'POST',
      path: '/webhooks/invoice-paid',
      async handler(request) {
        // The signature covers the exact bytes sent: check rawBody, never a re-serialised body.
        const signature = request.headers['x-erp-signature'];
        if (!hasValidSignature(request.rawBody, signature, ctx.settings.signingSecret)) {
          return { status: 401, body: { title: 'Invalid signature' } };
        }
        const invoice = InvoicePaidSchema.safeParse(request.body);
        if (!invoice.success) return { status: 400, body: { title: 'Unexpected payload' } };
        // Answer at once and work in a job: the ERP redelivers on timeouts, the key absorbs the repeats.
        await recordInvoice.enqueue(invoice.data, {
          idempotencyKey: `invoice-paid:${invoice.data.invoiceId}`,
        });
        return { status: 202 };
      },
    });
  },
});
// #endregion webhook-route

describe('the inbound webhook example', () => {
  const signingSecret = 'erp-signing-secret-0123';
  const boot = () =>
    createTestHost({ plugins: [acmeErpPlugin], settings: { 'acme-erp': { signingSecret } } });
  const sign = (body: string) => `sha256=${createHmac('sha256', signingSecret).update(body).digest('hex')}`;
  const path = '/plugins/acme-erp/default/webhooks/invoice-paid';

  it('accepts a correctly signed delivery, byte for byte, and records it in a job', async () => {
    const test = boot();
    const body = '{"invoiceId":"inv-7",  "amount": 1200}';
    const response = await test.request({
      method: 'POST',
      path,
      headers: { 'X-ERP-Signature': sign(body) },
      body,
    });
    expect(response.status).toBe(202);
    await test.jobs.drain();
    expect(await test.kv.namespace('acme-erp:default').get('invoice:inv-7')).toEqual({
      invoiceId: 'inv-7',
      amount: 1200,
    });
  });

  it('refuses a delivery whose body does not match its signature', async () => {
    const test = boot();
    const response = await test.request({
      method: 'POST',
      path,
      headers: { 'x-erp-signature': sign('{"invoiceId":"inv-7","amount":1200}') },
      body: '{"invoiceId":"inv-7","amount":999999}',
    });
    expect(response.status).toBe(401);
    expect(test.jobs.waiting()).toEqual([]);
  });
});

describe('docs/plugin-authoring.md', () => {
  const guide = readFileSync(new URL('../../../docs/plugin-authoring.md', import.meta.url), 'utf8');
  /** The files whose regions are the guide's `docs-example` blocks. */
  const sources = [new URL(import.meta.url), new URL('./docs-crm-example.test.ts', import.meta.url)].map(
    (url) => readFileSync(url, 'utf8'),
  );
  const blocks = [...guide.matchAll(/<!-- docs-example: ([a-z-]+) -->\n```ts\n([\s\S]*?)```/g)].map(
    ([, name, code]) => ({ name: name ?? '', code: code ?? '' }),
  );
  const importPattern =
    /^import (?:type )?\{([^}]*)\} from '([^']+)';$|^import (?:type )?\w+ from '([^']+)';$/gm;

  /** The names each package specifier imports in `code` (relative imports are left out: one file here). */
  function packageImports(code: string): Map<string, Set<string>> {
    const imports = new Map<string, Set<string>>();
    for (const [statement, names, specifier, defaultSpecifier] of code.matchAll(importPattern)) {
      if (defaultSpecifier !== undefined) {
        expect(defaultSpecifier.startsWith('.'), `default imports only from the plugin: ${statement}`).toBe(
          true,
        );
      }
      if (names === undefined || specifier === undefined || specifier.startsWith('.')) continue;
      const set = imports.get(specifier) ?? new Set<string>();
      for (const name of names.split(',')) if (name.trim()) set.add(name.replace(/^\s*type\s+/, '').trim());
      imports.set(specifier, set);
    }
    return imports;
  }

  /** The region's body and the file that holds it. */
  function region(name: string): { code: string; source: string } | undefined {
    for (const source of sources) {
      const match = source.match(new RegExp(`// #region ${name}\\n([\\s\\S]*?)// #endregion ${name}\\n`));
      if (match?.[1] !== undefined) return { code: match[1], source };
    }
    return undefined;
  }

  it('shows every region of the example files, each exactly as it runs there', () => {
    const regionNames = sources.flatMap((source) =>
      [...source.matchAll(/^\/\/ #region ([a-z-]+)$/gm)].map(([, name]) => name),
    );
    expect(blocks.map((block) => block.name).sort()).toEqual(regionNames.sort());
    for (const block of blocks) {
      const body = block.code.replace(importPattern, '').trim();
      expect(body, `the guide's "${block.name}" block`).toBe(region(block.name)?.code.trim());
    }
  });

  it("imports in the guide's blocks only what their example file imports, from the same packages", () => {
    for (const block of blocks) {
      const available = packageImports(region(block.name)?.source ?? '');
      for (const [specifier, names] of packageImports(block.code)) {
        for (const name of names) {
          expect(available.get(specifier)?.has(name), `${block.name}: ${name} from ${specifier}`).toBe(true);
        }
      }
    }
  });
});
