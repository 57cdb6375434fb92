import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TRACKING_SCRIPT } from './tracking-script.js';

interface FakeInput {
  name: string;
  value: string;
}

interface FetchCall {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string; credentials: string };
}

interface WarmpathApi {
  version: number;
  ref(): string | null;
  fillForms(root?: unknown): number;
  convert(
    details?: Record<string, unknown>,
  ): Promise<{ sent: boolean; status?: number; reason?: string; id: string }>;
}

/**
 * Runs the served script text against a minimal stand-in of a browser page: a location, a cookie jar that records
 * what the script writes, inputs found by name, event listeners and fetch. No DOM library needed.
 */
function loadPage(options: {
  url: string;
  cookie?: string;
  inputs?: FakeInput[];
  scriptSrc?: string;
  windowDays?: string;
  readyState?: string;
  queued?: unknown[];
  fetchStatus?: number;
}) {
  const location = new URL(options.url);
  const cookieWrites: string[] = [];
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  const fetches: FetchCall[] = [];
  const inputs = options.inputs ?? [];
  const document = {
    readyState: options.readyState ?? 'complete',
    currentScript: {
      src: options.scriptSrc ?? 'https://refer.example.com/t.js',
      getAttribute: (name: string) => (name === 'data-window-days' ? (options.windowDays ?? null) : null),
    },
    get cookie() {
      return options.cookie ?? '';
    },
    set cookie(value: string) {
      cookieWrites.push(value);
    },
    querySelectorAll: (selector: string) => {
      expect(selector).toBe('input[name="wp_ref"]');
      return inputs.filter((input) => input.name === 'wp_ref');
    },
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      listeners[type] ??= [];
      listeners[type].push(listener);
    },
  };
  const window: Record<string, unknown> = {
    location: {
      href: location.href,
      origin: location.origin,
      pathname: location.pathname,
      protocol: location.protocol,
    },
    crypto: { randomUUID: () => '0190a000-0000-7000-8000-00000000beef' },
    fetch: async (url: string, init: FetchCall['init']) => {
      fetches.push({ url, init });
      return { ok: (options.fetchStatus ?? 202) < 300, status: options.fetchStatus ?? 202 };
    },
  };
  if (options.queued) window.warmpath = options.queued;
  runInNewContext(TRACKING_SCRIPT, { window, document, URL });
  const fire = (type: string, event: unknown = {}) => {
    for (const listener of listeners[type] ?? []) listener(event);
  };
  return { warmpath: window.warmpath as WarmpathApi, cookieWrites, fetches, inputs, fire };
}

describe('the tracking script', () => {
  it('takes the code from the landing URL and keeps it in a first-party cookie for the window', () => {
    const page = loadPage({ url: 'https://shop.example.com/welcome?wp_ref=Abc_123&x=1', windowDays: '30' });
    expect(page.warmpath.ref()).toBe('Abc_123');
    expect(page.cookieWrites).toEqual([
      `wp_ref=Abc_123; Path=/; Max-Age=${30 * 86400}; SameSite=Lax; Secure`,
    ]);
  });

  it('uses the 90-day default window, and no Secure flag on plain http', () => {
    const page = loadPage({ url: 'http://localhost:8080/?wp_ref=Abc', windowDays: 'forever' });
    expect(page.cookieWrites).toEqual([`wp_ref=Abc; Path=/; Max-Age=${90 * 86400}; SameSite=Lax`]);
  });

  it('remembers the code from its cookie on later pages without stretching the window', () => {
    const page = loadPage({ url: 'https://shop.example.com/pricing', cookie: 'a=1; wp_ref=FromCookie; b=2' });
    expect(page.warmpath.ref()).toBe('FromCookie');
    expect(page.cookieWrites).toEqual([]);
  });

  it('lets a newer click win over the cookie, and ignores values that are not link codes', () => {
    expect(loadPage({ url: 'https://s.example/?wp_ref=Newer', cookie: 'wp_ref=Older' }).warmpath.ref()).toBe(
      'Newer',
    );
    const tampered = loadPage({ url: 'https://s.example/?wp_ref=%3Cscript%3E', cookie: 'wp_ref=a;b' });
    expect(tampered.warmpath.ref()).toBe('a');
    const none = loadPage({ url: 'https://s.example/?wp_ref=', cookie: 'wp_ref="x y"' });
    expect(none.warmpath.ref()).toBeNull();
    expect(none.cookieWrites).toEqual([]);
  });

  it('fills empty wp_ref inputs on load and again when a form is submitted', () => {
    const inputs = [
      { name: 'wp_ref', value: '' },
      { name: 'wp_ref', value: 'KeepMine' },
      { name: 'email', value: '' },
    ];
    const page = loadPage({ url: 'https://s.example/?wp_ref=Code1', inputs, readyState: 'loading' });
    expect(inputs.map((input) => input.value)).toEqual(['', 'KeepMine', '']);
    page.fire('DOMContentLoaded');
    expect(inputs.map((input) => input.value)).toEqual(['Code1', 'KeepMine', '']);
    inputs.push({ name: 'wp_ref', value: '' });
    page.fire('submit', { target: { querySelectorAll: () => inputs.slice(3) } });
    expect(inputs[3]?.value).toBe('Code1');
  });

  it('reports a conversion to the Warmpath origin it was loaded from, without credentials', async () => {
    const page = loadPage({ url: 'https://shop.example.com/signup?wp_ref=Code1&email=x@y.z#done' });
    const result = await page.warmpath.convert({
      email: 'lead@buyer.example',
      company: 'Buyer',
      type: 'signup',
      properties: { plan: 'pro' },
    });
    expect(result).toEqual({ sent: true, status: 202, id: '0190a000-0000-7000-8000-00000000beef' });
    expect(page.fetches).toHaveLength(1);
    const [call] = page.fetches;
    expect(call?.url).toBe('https://refer.example.com/t/conversions');
    expect(call?.init).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'omit',
    });
    expect(JSON.parse(call?.init.body ?? '')).toEqual({
      id: '0190a000-0000-7000-8000-00000000beef',
      ref: 'Code1',
      page: 'https://shop.example.com/signup',
      email: 'lead@buyer.example',
      company: 'Buyer',
      type: 'signup',
      properties: { plan: 'pro' },
    });
  });

  it('sends nothing when the visitor came without a code, and replays calls queued before it loaded', async () => {
    const page = loadPage({ url: 'https://shop.example.com/signup' });
    expect(await page.warmpath.convert({ email: 'a@b.example' })).toMatchObject({
      sent: false,
      reason: 'no-ref',
    });
    expect(page.fetches).toEqual([]);

    const queued = loadPage({
      url: 'https://shop.example.com/?wp_ref=Q1',
      queued: [['convert', { type: 'demo_booked', id: 'my-own-id-123' }]],
    });
    expect(queued.fetches).toHaveLength(1);
    expect(JSON.parse(queued.fetches[0]?.init.body ?? '')).toMatchObject({
      id: 'my-own-id-123',
      type: 'demo_booked',
    });
  });
});
