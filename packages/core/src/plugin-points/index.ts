export {
  callPlugin,
  type PluginCall,
  PluginCallError,
  type PluginCallFailureKind,
} from './call-plugin.js';
export {
  asError,
  findImplementation,
  hostImplementations,
  type ImplementationResolver,
  type PluginCallFailure,
  type PluginFailureListener,
} from './implementation-resolver.js';
export { PluginTimeoutError, withTimeout } from './with-timeout.js';
