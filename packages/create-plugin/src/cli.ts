/**
 * `pnpm create-plugin <kind> <name> [--dir <path>] [--sdk <spec>]`: scaffolds a plugin that installs, type checks
 * and passes its contract suite as generated. See docs/plugin-authoring.md, "Start from the scaffold".
 */
import { relative, resolve } from 'node:path';
import { parseCreatePluginArgs, USAGE } from './parse-args.js';
import { REPO_ROOT, sdkPackageVersion } from './repo-paths.js';
import { ScaffoldError, scaffoldPlugin } from './scaffold.js';

// pnpm runs root scripts from the repository root; INIT_CWD is where the command was typed, which is what a
// relative --dir means to the person who typed it.
const invokedFrom = process.env.INIT_CWD ?? process.cwd();
const parsed = parseCreatePluginArgs(process.argv.slice(2));

if ('help' in parsed) {
  console.log(USAGE);
} else if (!parsed.ok) {
  console.error(`${parsed.message}\n\n${USAGE}`);
  process.exitCode = 1;
} else {
  const { kind, name, dir, sdk } = parsed.args;
  const isStandalone = dir !== undefined;
  const targetDir = isStandalone ? resolve(invokedFrom, dir) : resolve(REPO_ROOT, 'plugins', name);
  try {
    const result = await scaffoldPlugin({
      kind,
      name,
      targetDir,
      layout: isStandalone
        ? { type: 'standalone', sdkSpec: sdk ?? `^${sdkPackageVersion()}` }
        : { type: 'workspace' },
    });
    // A path under where the command was typed reads best relative; anything else, absolute.
    const nearby = relative(invokedFrom, result.targetDir);
    const shown = nearby === '' ? '.' : nearby.startsWith('..') ? result.targetDir : nearby;
    console.log(`Created ${result.packageName} (${kind}) in ${shown}:\n  ${result.files.join('\n  ')}\n`);
    console.log(
      isStandalone
        ? `Next: cd ${shown} && pnpm install && pnpm typecheck && pnpm test && pnpm build`
        : `Next: pnpm install && pnpm --filter ${result.packageName} typecheck && pnpm --filter ${result.packageName} test`,
    );
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
