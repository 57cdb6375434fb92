// The dependency-free entry the web apps import (no zod, no container): see dto/referral-vocabulary.ts.
export {
  CONTACT_ROLE_LABELS,
  CONTACT_ROLES,
  type ContactRole,
  REFERRAL_STATUSES,
  type ReferralStatus,
} from './dto/referral-vocabulary.js';
