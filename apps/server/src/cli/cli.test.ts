import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, '../..');

/** Runs the real CLI entry (from source, through tsx) the way an operator would. */
async function warmpath(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', '--conditions=@warmpath/source', 'src/cli.ts', ...args],
      { cwd: serverDir, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('warmpath CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'warmpath-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('stops with a message naming each bad variable, without a stack trace', async () => {
    const result = await warmpath(['start'], {
      PORT: 'eighty',
      MODE: 'sideways',
      WARMPATH_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).toMatch(/MODE: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('migrates the embedded database, creates an owner and prints an API key once', async () => {
    const env = { WARMPATH_DATA_DIR: dataDir };
    const migrate = await warmpath(['migrate'], env);
    expect(migrate.stderr).toBe('');
    expect(migrate.stdout).toMatch(/applied\s+2026-11-22T0100-foundation/);

    const admin = await warmpath(
      ['admin', 'create', '--email', 'Ops@Example.com', '--password', 'long enough pw'],
      env,
    );
    expect(admin.code).toBe(0);
    expect(admin.stdout).toContain('Owner ops@example.com created');

    const key = await warmpath(['apikey', 'create', '--name', 'ci', '--scopes', 'tracks:read'], env);
    expect(key.code).toBe(0);
    expect(key.stdout).toMatch(/\n {2}wp_\S{32,}\n/);

    const bad = await warmpath(
      ['apikey', 'create', '--name', 'ci', '--scopes', 'tracks:read,everything'],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown scopes: everything');
    // Each command boots the embedded database from scratch, which is slow on a loaded 2-core machine.
  }, 180_000);

  it('prints and changes plugin settings, refusing what the plugin refuses', async () => {
    const env = { WARMPATH_DATA_DIR: dataDir };
    const read = await warmpath(['plugin', 'settings', 'get', 'fraud'], env);
    expect(read.code, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({ plugin: 'fraud', instance: 'default', values: {} });

    const set = await warmpath(
      ['plugin', 'settings', 'set', 'fraud', '--json', '{"duplicate":{"companyScore":45}}'],
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      values: { duplicate: { companyScore: 45 } },
      restartRequired: false,
    });
    expect(set.stderr).toContain('running servers reload');

    const refused = await warmpath(
      [
        'plugin',
        'settings',
        'set',
        'fraud',
        '--instance',
        'default',
        '--json',
        '{"duplicate":{"companyScore":"high"}}',
      ],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/nothing was saved:\n {2}duplicate\.companyScore: /);

    const unknown = await warmpath(['plugin', 'settings', 'get', 'frad'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No plugin frad with an instance default is loaded');

    const after = await warmpath(['plugin', 'settings', 'get', 'fraud'], env);
    expect(JSON.parse(after.stdout).values).toEqual({ duplicate: { companyScore: 45 } });
  }, 300_000);
});
