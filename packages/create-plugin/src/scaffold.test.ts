import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldPlugin } from './scaffold.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'warmpath-scaffold-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('scaffoldPlugin', () => {
  it('writes a workspace plugin like plugins/fraud: SDK from the workspace, versions from the catalog', async () => {
    const targetDir = join(scratch, 'plugins', 'acme-crm');
    const result = await scaffoldPlugin({
      kind: 'crm',
      name: 'acme-crm',
      targetDir,
      layout: { type: 'workspace' },
    });
    expect(result.files).toEqual([
      'README.md',
      'package.json',
      'src/crm-connector.ts',
      'src/index.ts',
      'src/json-client.ts',
      'src/settings.ts',
      'test/fake-crm.ts',
      'test/loopback-server.ts',
      'test/plugin.test.ts',
      'tsconfig.json',
      'vitest.config.ts',
    ]);
    const manifest = JSON.parse(await readFile(join(targetDir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@warmpath/plugin-acme-crm',
      dependencies: { '@warmpath/plugin-sdk': 'workspace:*', zod: 'catalog:' },
      peerDependencies: { '@warmpath/plugin-sdk': 'workspace:^' },
    });
    expect(await readFile(join(targetDir, 'src/index.ts'), 'utf8')).toContain("id: 'acme-crm',");
  });

  it('writes a standalone plugin with its own build and the SDK spec it was given', async () => {
    const targetDir = join(scratch, 'outside', 'acme-fraud');
    const sdkSpec = 'file:/tmp/warmpath-plugin-sdk-0.1.0.tgz';
    const result = await scaffoldPlugin({
      kind: 'fraud',
      name: 'acme-fraud',
      targetDir,
      layout: { type: 'standalone', sdkSpec },
      versions: {
        catalog: { zod: '^4.0.0', typescript: '5.9.3', vitest: '5.1.2', '@types/node': '^24' },
        sdkVersion: '0.1.0',
      },
    });
    expect(result.files).toEqual(
      expect.arrayContaining(['.gitignore', 'tsconfig.build.json', 'src/fraud-rule.ts']),
    );
    expect(result.files.some((file) => file.includes('fake') || file.includes('loopback'))).toBe(false);
    const manifest = JSON.parse(await readFile(join(targetDir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'warmpath-plugin-acme-fraud',
      scripts: { build: 'tsc -p tsconfig.build.json' },
      dependencies: { '@warmpath/plugin-sdk': sdkSpec, zod: '^4.0.0' },
      peerDependencies: { '@warmpath/plugin-sdk': '^0.1.0' },
    });
  });

  it('refuses a folder that already has something in it, and leaves it untouched', async () => {
    const targetDir = join(scratch, 'taken');
    await mkdir(targetDir);
    await writeFile(join(targetDir, 'notes.txt'), 'mine');
    await expect(
      scaffoldPlugin({ kind: 'notifier', name: 'taken', targetDir, layout: { type: 'workspace' } }),
    ).rejects.toThrow(/already exists and is not empty/);
    expect(await readFile(join(targetDir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('accepts an empty folder', async () => {
    const targetDir = join(scratch, 'empty');
    await mkdir(targetDir);
    await expect(
      scaffoldPlugin({ kind: 'attribution', name: 'empty', targetDir, layout: { type: 'workspace' } }),
    ).resolves.toMatchObject({ packageName: '@warmpath/plugin-empty' });
  });
});
