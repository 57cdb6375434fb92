export { csvCell } from './csv-cell.js';
export {
  auditListExport,
  PARTICIPANT_EXPORT_HEADER,
  participantExportFiltersSchema,
  participantExportRows,
  REFERRAL_EXPORT_HEADER,
  referralExportFiltersSchema,
  referralExportRows,
} from './list-exports.js';
