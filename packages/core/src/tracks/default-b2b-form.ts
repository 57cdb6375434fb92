import type { TrackForm } from './track.schema.js';

/**
 * The intake form new tracks start from: how urgent and large the need is, who serves them today, what they need
 * and when they decide. It asks nothing the referral form already asks — the company, its website and the buying
 * committee with each person's role are part of every referral — so no referrer types the same thing twice. No
 * question is required: an introduction takes a minute and API clients may send no answers at all. Make questions
 * required per track where a program needs them.
 */
export const DEFAULT_B2B_FORM: TrackForm = {
  fields: [
    {
      key: 'urgency',
      label: 'How urgent is the need?',
      type: 'select',
      required: false,
      options: ['Exploring', 'Planned this year', 'This quarter', 'Urgent'],
    },
    {
      key: 'budgetRange',
      label: 'Budget range',
      type: 'select',
      required: false,
      options: ['Under $10k', '$10k–$50k', '$50k–$250k', 'Over $250k', 'Unknown'],
    },
    { key: 'currentProvider', label: 'Current provider', type: 'text', required: false },
    { key: 'scope', label: 'What do they need?', type: 'textarea', required: false },
    {
      key: 'timeline',
      label: 'Decision timeline',
      type: 'select',
      required: false,
      options: ['Within 3 months', '3–6 months', '6–12 months', 'Over 12 months', 'Unknown'],
    },
  ],
};
