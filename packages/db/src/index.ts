export { createDatabase, json, type DatabaseKind, type DatabaseOptions, type WarmpathDatabase } from './database.js';
export { newId } from './ids.js';
export { migrateDown, migrateToLatest, migrationStatus, MigrationError, type MigrationReport } from './migrator.js';
export { migrations } from './migrations/index.js';
export type * from './schema.js';
export { sql, type Kysely, type Transaction } from 'kysely';
