#!/usr/bin/env node
import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { VERSION } from './app/version.js';
import { adminCreateCommand } from './cli/admin-create.js';
import { apiKeyCreateCommand } from './cli/apikey-create.js';
import { migrateCommand } from './cli/migrate.js';
import {
  pluginEnabledCommand,
  pluginSettingsGetCommand,
  pluginSettingsSetCommand,
} from './cli/plugin-settings.js';
import { startCommand } from './cli/start.js';

const program = new Command('warmpath')
  .description('Warmpath: B2B referral programs, self-hosted')
  .version(VERSION);

program
  .command('start')
  .description('Serve Warmpath (MODE=all|api|worker) until SIGTERM/SIGINT')
  .action(() => startCommand());

program
  .command('migrate')
  .description('Apply database migrations (up, default), revert the last one (down), or list them (status)')
  .argument('[direction]', 'up | down | status', (value) => {
    if (!['up', 'down', 'status'].includes(value))
      throw new InvalidArgumentError('expected up, down or status');
    return value as 'up' | 'down' | 'status';
  })
  .action((direction: 'up' | 'down' | 'status' | undefined) => migrateCommand(direction ?? 'up'));

const admin = program.command('admin').description('Staff accounts');
admin
  .command('create')
  .description('Create a staff account, or reset the password and role of an existing one')
  .requiredOption('--email <email>', 'email address')
  .requiredOption('--password <password>', 'password (10+ characters)')
  .option('--name <name>', 'display name')
  .option('--role <role>', 'owner | admin | manager | sales | finance | viewer', 'owner')
  .action((options: { email: string; password: string; name?: string; role: string }) =>
    adminCreateCommand(options),
  );

const apikey = program.command('apikey').description('API keys for the REST API');
apikey
  .command('create')
  .description('Create an API key; it is printed once')
  .requiredOption('--name <name>', 'what the key is for')
  .option('--scopes <scopes>', 'comma-separated scopes, or * for all', '*')
  .action((options: { name: string; scopes: string }) => apiKeyCreateCommand(options));

const plugin = program.command('plugin').description('Loaded plugins');
for (const [name, enabled] of [
  ['enable', true],
  ['disable', false],
] as const) {
  plugin
    .command(name)
    .description(
      `Turn a plugin instance ${enabled ? 'on' : 'off'} (audited); running servers follow within seconds`,
    )
    .argument('<id>', 'plugin id')
    .option('--instance <instance>', 'instance name', 'default')
    .action((id: string, options: { instance: string }) => pluginEnabledCommand(id, options, enabled));
}
const pluginSettings = plugin
  .command('settings')
  .description("A plugin instance's settings, as the console's Plugins page shows and saves them");
pluginSettings
  .command('get')
  .description('Print the stored settings as JSON; secrets only as { "set": true|false }')
  .argument('<id>', 'plugin id')
  .option('--instance <instance>', 'instance name', 'default')
  .action((id: string, options: { instance: string }) => pluginSettingsGetCommand(id, options));
pluginSettings
  .command('set')
  .description(
    'Change settings with a merge patch, checked by the plugin and audited; running servers apply it live',
  )
  .argument('<id>', 'plugin id')
  .option('--instance <instance>', 'instance name', 'default')
  .requiredOption('--json <patch>', 'the settings to change, e.g. \'{"duplicate":{"companyScore":45}}\'')
  .action((id: string, options: { instance: string; json: string }) => pluginSettingsSetCommand(id, options));

await program.parseAsync();
