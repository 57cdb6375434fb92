import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root: this file is `packages/create-plugin/src/repo-paths.ts`. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where this package's templates are. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

/** The version of `@warmpath/plugin-sdk` in this checkout: the default SDK range of a plugin outside it. */
export function sdkPackageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(`${REPO_ROOT}packages/plugin-sdk/package.json`, 'utf8'));
  if (typeof manifest === 'object' && manifest !== null && 'version' in manifest)
    return String(manifest.version);
  throw new Error('packages/plugin-sdk/package.json has no version');
}

/**
 * The versions the workspace catalog (`pnpm-workspace.yaml`) pins, so a plugin outside the repository gets the
 * same zod, TypeScript and Vitest as the SDK was built and tested with (and an install can come from the store).
 */
export function catalogVersions(): Record<string, string> {
  const yaml = readFileSync(`${REPO_ROOT}pnpm-workspace.yaml`, 'utf8');
  const catalog = yaml.split(/^catalog:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  const versions: Record<string, string> = {};
  for (const match of catalog.matchAll(/^\s+"?([^":#\s]+)"?:\s*(\S+)\s*$/gm)) {
    if (match[1] && match[2]) versions[match[1]] = match[2];
  }
  return versions;
}
