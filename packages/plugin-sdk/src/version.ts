/**
 * The version of the plugin API this SDK implements. A plugin's `sdk` semver range (e.g. `'^1'`) is checked
 * against it when the host loads the plugin. It moves independently of the npm package version: it changes only
 * when the plugin-facing API does (a major bump when it breaks plugins).
 */
export const SDK_VERSION = '1.0.0';
