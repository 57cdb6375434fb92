export {
  asError,
  findImplementation,
  type ImplementationResolver,
  type PluginCallFailure,
  type PluginFailureListener,
} from './implementation-resolver.js';
export { PluginTimeoutError, withTimeout } from './with-timeout.js';
