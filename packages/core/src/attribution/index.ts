export { CREDIT_SUM_TOLERANCE, checkCredits, type NormalisedCredit } from './attribution-credits.js';
export {
  AttributionEngine,
  type AttributionEngineOptions,
  type AttributionModelSummary,
  type AttributionResult,
} from './attribution-engine.js';
export { AttributionModelError, AttributionModelNotFoundError } from './attribution-errors.js';
