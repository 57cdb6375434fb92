import { definePlugin, type FraudRule } from '@warmpath/plugin-sdk';
import { createTestHost } from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type PluginCallEvent, PluginHealth } from './plugin-health.js';

let isBroken = false;

const plugin = definePlugin({
  id: 'probe',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}),
  settingsSchema: z.object({}),
  register(ctx) {
    ctx.fraud.add('rule', () => ({
      apiVersion: 1,
      description: 'Flags nothing, or breaks on demand.',
      evaluate: () => {
        if (isBroken) throw new Error('rule broke');
        return { score: 0, flags: [] };
      },
    }));
    ctx.notifiers.add('chat', () => ({
      apiVersion: 1,
      channel: 'chat',
      send: async (message) => {
        if (message.subject === 'fail') throw new Error('chat down');
        return { id: 'm-1' };
      },
    }));
  },
});

function setup() {
  const { host } = createTestHost({ plugins: [plugin] });
  const health = new PluginHealth({ now: () => new Date('2026-12-08T03:00:00.000Z'), window: 4 });
  const events: PluginCallEvent[] = [];
  health.subscribe({ call: (event) => events.push(event) });
  return { host, health, events };
}

const message = (subject: string) => ({
  idempotencyKey: subject,
  to: [{ address: 'a' }],
  subject,
  text: 't',
});

describe('plugin health', () => {
  it('counts and times every call, synchronous or not, keeping the implementation’s other members', async () => {
    isBroken = false;
    const { host, health, events } = setup();
    const [rule] = health.list(host, 'fraud');
    const [chat] = health.list(host, 'notifiers');
    if (!rule || !chat) throw new Error('expected implementations');
    expect(rule.impl.description).toBe('Flags nothing, or breaks on demand.');
    expect(rule.impl.evaluate({} as Parameters<FraudRule['evaluate']>[0])).toEqual({ score: 0, flags: [] });
    expect(await chat.impl.send(message('hi'))).toEqual({ id: 'm-1' });
    expect(events.map((e) => [e.point, e.plugin, e.instance, e.outcome])).toEqual([
      ['fraud', 'probe', 'default', 'ok'],
      ['notifiers', 'probe', 'default', 'ok'],
    ]);
    expect(events.every((e) => e.durationSeconds >= 0)).toBe(true);
    expect(health.instance('probe', 'default', 'active')).toMatchObject({ state: 'ok', calls: 2, errors: 0 });
    // The same wrapper every time, so wrapping stays cheap on hot paths.
    expect(health.list(host, 'fraud')[0]?.impl).toBe(rule.impl);
  });

  it('marks an instance failing when its last call failed, with the error and when', async () => {
    const { host, health, events } = setup();
    const [chat] = health.list(host, 'notifiers');
    await expect(chat?.impl.send(message('fail'))).rejects.toThrow('chat down');
    isBroken = true;
    expect(() => health.list(host, 'fraud')[0]?.impl.evaluate({} as never)).toThrow('rule broke');
    isBroken = false;
    expect(events.map((e) => e.outcome)).toEqual(['error', 'error']);
    expect(health.instance('probe', 'default', 'active')).toMatchObject({
      state: 'failing',
      calls: 2,
      errors: 2,
      lastError: { message: 'rule broke', at: '2026-12-08T03:00:00.000Z' },
    });
  });

  it('stays failing while half the recent calls fail, and recovers once they succeed', async () => {
    const { host, health } = setup();
    const chat = health.list(host, 'notifiers')[0]?.impl;
    if (!chat) throw new Error('expected a notifier');
    await chat.send(message('fail')).catch(() => {});
    await chat.send(message('fail')).catch(() => {});
    await chat.send(message('ok'));
    expect(health.instance('probe', 'default', 'active').state).toBe('failing');
    await chat.send(message('ok'));
    await chat.send(message('ok'));
    expect(health.instance('probe', 'default', 'active').state).toBe('ok');
  });

  it('counts answers an engine refused, keeps the last connection test, and shows invalid settings as disabled', () => {
    const { health } = setup();
    health.recordRejection('inference:probe:default:echo', new Error('junk answer'));
    health.recordTest('probe', 'default', { ok: false, message: 'No API token is set' });
    expect(health.instance('probe', 'default', 'active')).toMatchObject({
      state: 'failing',
      errors: 1,
      lastError: { message: 'junk answer' },
      lastTest: { ok: false, message: 'No API token is set', at: '2026-12-08T03:00:00.000Z' },
    });
    expect(health.instance('probe', 'eu', 'invalid-settings').state).toBe('disabled');
  });
});
