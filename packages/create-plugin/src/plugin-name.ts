/**
 * A plugin name: the folder, the plugin id and part of the package name. Stricter than a plugin id
 * (`/^[a-z0-9][a-z0-9-]{0,62}$/`): it starts with a letter, has no doubled or trailing dash, and leaves room
 * for the `warmpath-plugin-` package prefix within npm's 214 characters.
 */
const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 40;

/** Why `name` cannot be a plugin name, or `null` when it can. */
export function pluginNameProblem(name: string): string | null {
  if (name.length > MAX_NAME_LENGTH) return `"${name}" is longer than ${MAX_NAME_LENGTH} characters`;
  if (!NAME_PATTERN.test(name)) {
    return `"${name}" is not a plugin name: use lower-case letters, digits and single dashes, starting with a letter (e.g. acme-crm)`;
  }
  return null;
}

/** The human name shown in the console: `acme-crm` → `Acme Crm`. */
export function displayNameOf(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
