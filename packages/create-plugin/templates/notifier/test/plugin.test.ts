import { createTestHost, describeNotifierContract } from '@warmpath/plugin-sdk/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { startFakeChat } from './fake-chat.js';

const chat = await startFakeChat('chat-token');
afterAll(() => chat.close());
beforeEach(() => chat.reset());

/** Boots the plugin in the test host, configured against the stand-in. */
const boot = (token = 'chat-token') =>
  createTestHost({ plugins: [plugin], settings: { [plugin.id]: { baseUrl: chat.baseUrl, token } } });

describeNotifierContract('the chat notifier', () => boot().get('notifiers', 'chat'), {
  message: { to: [{ address: '#referrals' }] },
});

describe('the notifier plugin', () => {
  it('posts a message once per channel, even when it is sent again', async () => {
    const notifier = boot().get('notifiers', 'chat');
    const message = {
      idempotencyKey: 'n-1',
      to: [{ address: '#a' }, { address: '#b' }],
      subject: 'Hi',
      text: 'Hello',
    };
    await notifier.send(message);
    await notifier.send(message);
    expect(chat.messages.map((posted) => posted.channel)).toEqual(['#a', '#b']);
  });

  it('reports a wrong token in Test connection without revealing it', async () => {
    const check = await boot('revoked-token').get('notifiers', 'chat').verifyConnection?.();
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('401') });
    expect(JSON.stringify(check)).not.toContain('revoked-token');
  });
});
