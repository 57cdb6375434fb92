export { type Kysely, sql, type Transaction } from 'kysely';
export { type AppendRows, type AppendValue, AppendValueError } from './append-rows.js';
export {
  createDatabase,
  type DatabaseKind,
  type DatabaseOptions,
  json,
  type WarmpathDatabase,
} from './database.js';
export { newId } from './ids.js';
export type { Listen, ListenHandlers, Subscription } from './listen.js';
export { migrations } from './migrations/index.js';
export {
  MigrationError,
  type MigrationReport,
  migrateDown,
  migrateToLatest,
  migrationStatus,
} from './migrator.js';
export type * from './schema.js';
