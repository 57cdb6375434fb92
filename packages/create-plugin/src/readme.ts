import { KIND_TEMPLATES, type PluginKind } from './kinds.js';
import type { PluginLayout } from './layout.js';

/** The generated README: what the plugin is, its settings, and how to test, build and load it. */
export function readme(kind: PluginKind, name: string, packageName: string, layout: PluginLayout): string {
  const template = KIND_TEMPLATES[kind];
  const settings = template.isRemote
    ? "`baseUrl` and the secret `token` of the remote system (no defaults: the instance stays disabled until an admin enters them on the console's **Plugins** page); deploy-time config `requestTimeoutMs`."
    : 'see `src/settings.ts` (every field has a default).';
  const standIn = template.isRemote
    ? 'The tests run against a stand-in of the remote system on a loopback port (`test/fake-*.ts`), never the real one.'
    : 'The implementation is pure, so the tests need no stand-in: the SDK builds the inputs (`sample*` fixtures).';
  const commands =
    layout.type === 'workspace'
      ? [
          'pnpm install                                  # links the new package, updates pnpm-lock.yaml (commit it)',
          `pnpm --filter ${packageName} typecheck`,
          `pnpm --filter ${packageName} test`,
          `pnpm --filter ${packageName} build`,
          `WARMPATH_PLUGINS=./plugins/${name}/dist/index.js pnpm start`,
        ]
      : [
          'pnpm install',
          'pnpm typecheck && pnpm test',
          'pnpm build                                    # dist/: JavaScript and .d.ts',
          `WARMPATH_PLUGINS=/path/to/${name}/dist/index.js warmpath start`,
        ];
  return [
    `# ${packageName}`,
    '',
    `A Warmpath plugin (a \`${template.extensionPoint}\`): ${template.summary.charAt(0).toLowerCase()}${template.summary.slice(1)}`,
    'Scaffolded by `pnpm create-plugin`; the guide is docs/plugin-authoring.md in the Warmpath repository.',
    '',
    '## Settings',
    '',
    `Settings: ${settings}`,
    '',
    '## Test, build and load',
    '',
    '```sh',
    ...commands,
    '```',
    '',
    `${standIn} \`test/plugin.test.ts\` runs the SDK's \`${template.extensionPoint}\` contract suite against the implementation, booted through \`createTestHost\` so \`register\` and the settings are covered too.`,
    '',
  ].join('\n');
}
