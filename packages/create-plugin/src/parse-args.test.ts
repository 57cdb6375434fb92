import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCreatePluginArgs } from './parse-args.js';

describe('pnpm create-plugin arguments', () => {
  it('takes a kind and a name, and an optional folder and SDK spec', () => {
    expect(parseCreatePluginArgs(['crm', 'acme-crm'])).toEqual({
      ok: true,
      args: { kind: 'crm', name: 'acme-crm' },
    });
    expect(parseCreatePluginArgs(['notifier', 'chat', '--dir', '../chat', '--sdk', '^0.1.0'])).toEqual({
      ok: true,
      args: { kind: 'notifier', name: 'chat', dir: '../chat', sdk: '^0.1.0' },
    });
  });

  it('refuses an unknown kind, naming the kinds there are', () => {
    expect(parseCreatePluginArgs(['payroll', 'acme'])).toEqual({
      ok: false,
      message: 'Unknown kind "payroll": use one of crm, rewards, fraud, attribution, inference, notifier.',
    });
  });

  it.each(['Acme', 'acme_crm', '1acme', 'acme--crm', 'acme-', 'a'.repeat(41)])(
    'refuses the name %s, saying what a name may be',
    (name) => {
      const parsed = parseCreatePluginArgs(['crm', name]);
      expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining(`"${name}"`) });
    },
  );

  it('refuses missing or extra arguments, unknown options, and --sdk without --dir', () => {
    expect(parseCreatePluginArgs(['crm'])).toMatchObject({ ok: false, message: 'Give a kind and a name.' });
    expect(parseCreatePluginArgs(['crm', 'acme', 'extra'])).toMatchObject({ ok: false });
    expect(parseCreatePluginArgs(['crm', 'acme', '--force'])).toMatchObject({ ok: false });
    expect(parseCreatePluginArgs(['crm', 'acme', '--sdk', '^0.1.0'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('--sdk only applies with --dir'),
    });
  });

  it('answers --help with the usage', () => {
    expect(parseCreatePluginArgs(['--help'])).toEqual({ help: true });
  });
});

describe('the root script', () => {
  it('runs this command as `pnpm create-plugin`', () => {
    const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(root.scripts['create-plugin']).toBe('tsx packages/create-plugin/src/cli.ts');
  });
});
