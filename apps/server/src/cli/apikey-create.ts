import { API_SCOPES, type Scope } from '@warmpath/core';
import { withRuntime } from './with-runtime.js';

function parseScopes(value: string): Scope[] {
  if (value.trim() === '*') return [...API_SCOPES];
  const scopes = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new Error(`unknown scopes: ${unknown.join(', ')} (known: ${API_SCOPES.join(', ')})`);
  return scopes as Scope[];
}

export async function apiKeyCreateCommand(options: { name: string; scopes: string }) {
  const scopes = parseScopes(options.scopes);
  await withRuntime(async (runtime) => {
    const { key, apiKey } = await runtime.services.apiKeys.createApiKey({
      name: options.name,
      scopes,
      createdBy: null,
    });
    process.stdout.write(
      `API key "${apiKey.name}" (${apiKey.prefix}…) with scopes ${scopes.join(', ')}:\n\n  ${key}\n\nIt is shown only this once.\n`,
    );
  });
}
