import type { SystemStatus } from '../../api/types.js';

/** What the process runs, in an operator's words. */
export function modeLabel(mode: SystemStatus['mode']): string {
  switch (mode) {
    case 'api':
      return 'API only';
    case 'worker':
      return 'Worker only';
    default:
      return 'All-in-one (API and worker)';
  }
}

/** How the database in use is named to an operator. */
export function databaseLabel(database: SystemStatus['database']): string {
  return database === 'postgres' ? 'PostgreSQL' : 'Embedded (PGlite)';
}

/** How the job queue in use is named to an operator. */
export function jobQueueLabel(jobs: SystemStatus['jobs']): string {
  return jobs === 'bullmq' ? 'BullMQ (Redis)' : 'In-process';
}

/** True when the installation runs on the embedded defaults, which suit trials and small teams only. */
export function isEmbeddedSetup(status: Pick<SystemStatus, 'database' | 'jobs'>): boolean {
  return status.database === 'pglite' || status.jobs === 'in-process';
}
