import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_TABLE_END, CONFIG_TABLE_START, renderConfigTable } from './config-docs.js';
import { ConfigError, loadConfig } from './load-config.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs embedded with nothing configured: PGlite, in-process jobs, demo on, localhost URL', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      MODE: 'all',
      embedded: true,
      WARMPATH_DEMO: true,
      PUBLIC_URL: 'http://localhost:3000',
      WARMPATH_PLUGINS: [],
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('stops the boot naming each bad variable', () => {
    expect(problemsOf({ PORT: 'eighty', MODE: 'both', DATABASE_URL: 'mysql://x' })).toEqual(
      expect.arrayContaining(['PORT', 'MODE', 'DATABASE_URL']),
    );
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/PORT/);
  });

  it('requires the secret key with Postgres and both bootstrap admin variables together', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://db/warmpath' })).toContain('WARMPATH_SECRET_KEY');
    expect(problemsOf({ WARMPATH_ADMIN_EMAIL: 'a@b.co' })).toContain('WARMPATH_ADMIN_PASSWORD');
  });

  it('refuses split API/worker modes without shared Postgres and Redis', () => {
    expect(problemsOf({ MODE: 'worker' })).toContain('MODE');
    expect(
      problemsOf({
        MODE: 'api',
        DATABASE_URL: 'postgres://db/warmpath',
        REDIS_URL: 'redis://cache:6379',
        WARMPATH_SECRET_KEY: 'k'.repeat(32),
      }),
    ).toEqual([]);
  });

  it('parses the plugin list and turns the demo off by default with Postgres', () => {
    const config = loadConfig({
      WARMPATH_PLUGINS: ' @acme/warmpath-plugin-erp , ./plugins/local ',
      DATABASE_URL: 'postgres://db/warmpath',
      WARMPATH_SECRET_KEY: 'k'.repeat(32),
      PUBLIC_URL: 'https://refer.acme.com/',
    });
    expect(config.WARMPATH_PLUGINS).toEqual(['@acme/warmpath-plugin-erp', './plugins/local']);
    expect(config.WARMPATH_DEMO).toBe(false);
    expect(config.PUBLIC_URL).toBe('https://refer.acme.com');
  });

  it('reads TRUST_PROXY as off, a hop count or proxy addresses, and refuses `true` and malformed entries', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual({ kind: 'none' });
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toEqual({ kind: 'none' });
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toEqual({ kind: 'hops', hops: 2 });
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, ::1 ,loopback, 192.0.2.7' }).TRUST_PROXY).toEqual({
      kind: 'addresses',
      addresses: ['10.0.0.0/8', '::1', 'loopback', '192.0.2.7'],
    });
    for (const value of ['true', '11', 'proxy.internal', '10.0.0.0/33', 'fd00::/129', '10.0.0.1/8/1']) {
      expect(problemsOf({ TRUST_PROXY: value }), value).toEqual(['TRUST_PROXY']);
    }
  });

  it('documents every variable in docs/configuration.md (regenerate: pnpm --filter @warmpath/server docs:config)', () => {
    const docs = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');
    const block = docs.slice(
      docs.indexOf(CONFIG_TABLE_START) + CONFIG_TABLE_START.length,
      docs.indexOf(CONFIG_TABLE_END),
    );
    expect(block.trim()).toBe(renderConfigTable());
  });
});
