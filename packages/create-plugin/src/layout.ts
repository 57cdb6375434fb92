/**
 * Where a scaffolded plugin lives, which decides how it depends on the SDK and how it builds:
 * - `workspace`: `plugins/<name>` of this repository, a pnpm workspace package like `plugins/fraud`
 *   (`workspace:*` and `catalog:` versions, the repository's tsconfig, Vitest preset and build script);
 * - `standalone`: a folder of its own (an in-house repository), with the SDK from a registry or a tarball
 *   (`sdkSpec`), its own strict tsconfig, and `tsc` as its build.
 */
export type PluginLayout = { type: 'workspace' } | { type: 'standalone'; sdkSpec: string };
