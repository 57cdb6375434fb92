export { callPlugin, type PluginCall, PluginCallError, type PluginCallFailure } from './call-plugin.js';
export type { ImplementationResolver, ResolvedImplementation } from './implementation-resolver.js';
