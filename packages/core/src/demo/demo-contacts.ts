import type { ContactRole } from '../referrals/referral.schema.js';
import type { DemoStory } from './demo-stories.js';

/** Given names and family names the demo's buying-committee contacts are drawn from. */
export const CONTACT_GIVEN_NAMES = [
  'Alex',
  'Beatriz',
  'Chloe',
  'Darius',
  'Emeka',
  'Fatima',
  'Grace',
  'Hiroshi',
  'Ines',
  'Jamal',
  'Katarina',
  'Liam',
  'Mei',
  'Noah',
  'Oksana',
  'Pedro',
  'Rania',
  'Samuel',
  'Tanvi',
  'Umar',
  'Valeria',
  'Wei',
  'Yara',
  'Zoe',
] as const;
export const CONTACT_FAMILY_NAMES = [
  'Adeyemi',
  'Bianchi',
  'Carter',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Mendes',
  'Nakamura',
  'Oduya',
  'Petrov',
  'Quinn',
  'Rossi',
  'Santos',
  'Tanaka',
  'Usman',
  'Varga',
] as const;

/** Job titles by buying-committee role, for the contacts' `title`. */
export const TITLES_BY_ROLE = {
  decision_maker: ['Chief Operating Officer', 'VP Sales', 'Managing Director', 'VP Partnerships'],
  economic_buyer: ['Chief Financial Officer', 'VP Finance', 'Head of Procurement'],
  champion: ['Director of Revenue Operations', 'Head of Growth', 'Partner Programs Manager'],
  technical_evaluator: ['Lead Platform Engineer', 'IT Manager', 'Head of Security'],
  influencer: ['Sales Enablement Lead', 'Marketing Director'],
  user: ['Partner Account Manager', 'Sales Operations Analyst'],
} as const satisfies Partial<Record<ContactRole, readonly string[]>>;

/** The roles demo contacts hold. */
export type DemoContactRole = keyof typeof TITLES_BY_ROLE;

/** The committee a demo referral names, by size: who is introduced first, then who joins. */
export const COMMITTEE_ROLES = {
  2: ['champion', 'decision_maker'],
  3: ['champion', 'decision_maker', 'economic_buyer'],
  4: ['champion', 'decision_maker', 'economic_buyer', 'technical_evaluator'],
} as const satisfies Record<DemoStory['contactCount'], readonly DemoContactRole[]>;
