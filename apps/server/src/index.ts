export { buildApp } from './app/build-app.js';
export { createRuntime, type Runtime } from './app/runtime.js';
export { type Config, ConfigError, loadConfig } from './config/load-config.js';
export type { AppRouter } from './http/trpc/router.js';
