export {
  DEFAULT_RETENTION,
  type PruneReport,
  pruneExpiredRows,
  type RetentionPolicy,
} from './prune-expired-rows.js';
