import { EXTENSION_POINTS, type ExtensionPointName } from '../extension-points/extension-points.js';

/** Plugin ids, instance names and implementation names: lower-case letters, digits and dashes. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The instance name used when a plugin entry names none. */
export const DEFAULT_INSTANCE = 'default';

/** The parts of an implementation key. */
export interface ImplementationKeyParts {
  point: ExtensionPointName;
  plugin: string;
  instance: string;
  /** The name given to `ctx.<point>.add(name, …)`: a plugin may add several implementations of one point. */
  name: string;
}

/**
 * The key an implementation is registered under: `point:plugin:instance:name`, e.g.
 * `crm:crm-salesforce:emea:salesforce`. Two instances of one plugin (two Salesforce orgs) get distinct keys.
 */
export function implementationKey(parts: ImplementationKeyParts): string {
  return `${parts.point}:${parts.plugin}:${parts.instance}:${parts.name}`;
}

/** Splits an implementation key into its parts, or null when it is not one. */
export function parseImplementationKey(key: string): ImplementationKeyParts | null {
  const [point, plugin, instance, name, ...rest] = key.split(':');
  if (rest.length > 0 || !point || !plugin || !instance || !name) return null;
  if (!isExtensionPointName(point)) return null;
  if (![plugin, instance, name].every((part) => NAME_PATTERN.test(part))) return null;
  return { point, plugin, instance, name };
}

/** True when `value` names an extension point. */
export function isExtensionPointName(value: string): value is ExtensionPointName {
  return (EXTENSION_POINTS as readonly string[]).includes(value);
}
