export { countClicksFromIpHash, creditClicksToReferral, findLandingClick } from './click-credit.js';
export {
  buildLinkRedirects,
  type LinkRedirects,
  normaliseDestinationUrl,
  pickRedirect,
  withRefParam,
} from './destination.js';
export { isLinkCode, LINK_CODE_PATTERN, REF_PARAM } from './link-code-format.js';
export { type ClickToRecord, findLinkTarget, insertClicks, type LinkTarget } from './link-target.js';
export {
  recordTrackedConversion,
  TRACKING_SCRIPT_SOURCE,
  trackedConversionExternalId,
} from './tracked-conversion.js';
export {
  type TrackedConversion,
  type TrackedConversionInput,
  trackedConversionInputSchema,
} from './tracked-conversion.schema.js';
