/** Track settings a referral reads live with tracks; re-exported here for the referral modules. */
export {
  type FraudThresholds,
  fraudThresholdsSchema,
  type ReferralTrackSettings,
  type RoutingRule,
  type RoutingSettings,
  readReferralTrackSettings,
  referralTrackSettingsSchema,
  routingRuleSchema,
  routingSettingsSchema,
} from '../tracks/track-settings.schema.js';
