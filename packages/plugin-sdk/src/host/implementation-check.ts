import {
  EXTENSION_POINT_API_VERSIONS,
  type ExtensionPointName,
  REQUIRED_MEMBERS,
} from '../extension-points/extension-points.js';

/**
 * Why `value` is not a valid implementation of `point` for this SDK, or null when it is. Plugins may be plain
 * JavaScript or built against another SDK, so the types alone are not trusted.
 */
export function implementationProblem(point: ExtensionPointName, value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'its factory did not return an object';
  const expected = EXTENSION_POINT_API_VERSIONS[point];
  const actual: unknown = Reflect.get(value, 'apiVersion');
  if (actual !== expected) {
    return `it declares apiVersion ${String(actual)}, but this host supports apiVersion ${expected}`;
  }
  const missing = REQUIRED_MEMBERS[point]
    .map(String)
    .filter((member) => Reflect.get(value, member) === undefined);
  return missing.length === 0 ? null : `it lacks ${missing.join(', ')}`;
}
