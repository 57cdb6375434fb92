import { parseArgs } from 'node:util';
import { isPluginKind, PLUGIN_KINDS, type PluginKind } from './kinds.js';
import { pluginNameProblem } from './plugin-name.js';

/** How to call the command, printed with `--help` and after a refusal. */
export const USAGE = `Usage: pnpm create-plugin <kind> <name> [--dir <path>] [--sdk <spec>]

  kind          ${PLUGIN_KINDS.join(', ')}
  name          lower-case letters, digits and dashes, e.g. acme-crm (the plugin id)
  --dir <path>  write the plugin into <path> as a package of its own (an in-house repository outside this
                one) instead of plugins/<name>
  --sdk <spec>  with --dir: how it depends on @warmpath/plugin-sdk, e.g. ^0.1.0 (default) or
                file:/path/to/warmpath-plugin-sdk-0.1.0.tgz (from \`pnpm pack\` in packages/plugin-sdk)`;

/** A valid command line. */
export interface CreatePluginArgs {
  kind: PluginKind;
  name: string;
  /** As typed; resolved by the caller against the directory the command was run from. */
  dir?: string;
  sdk?: string;
}

/** The command line, or why it was refused, or a request for help. */
export type ParsedArgs =
  | { ok: true; args: CreatePluginArgs }
  | { ok: false; message: string }
  | { help: true };

/** Parses `pnpm create-plugin`'s arguments (everything after the script name). */
export function parseCreatePluginArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (parsed.values.help) return { help: true };
  const [kind, name, ...extra] = parsed.positionals;
  if (kind === undefined || name === undefined) return { ok: false, message: 'Give a kind and a name.' };
  if (extra.length > 0) return { ok: false, message: `Unexpected argument: ${extra.join(' ')}` };
  if (!isPluginKind(kind)) {
    return { ok: false, message: `Unknown kind "${kind}": use one of ${PLUGIN_KINDS.join(', ')}.` };
  }
  const problem = pluginNameProblem(name);
  if (problem) return { ok: false, message: `${problem}.` };
  const { dir, sdk } = parsed.values;
  if (sdk !== undefined && dir === undefined) {
    return {
      ok: false,
      message: '--sdk only applies with --dir: inside the repository the SDK is workspace:*.',
    };
  }
  return {
    ok: true,
    args: { kind, name, ...(dir === undefined ? {} : { dir }), ...(sdk === undefined ? {} : { sdk }) },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { dir: { type: 'string' }, sdk: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}
