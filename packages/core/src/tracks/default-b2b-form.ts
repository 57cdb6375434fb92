import type { TrackForm } from './track.schema.js';

/**
 * The intake form new tracks start from: who the account is, who the contact is in the purchase, how urgent and
 * large the need is, and who decides. No question is required: the referral itself already names the company and
 * its contacts, so an introduction takes a minute and API clients may send no answers at all. Make questions
 * required per track where a program needs them.
 */
export const DEFAULT_B2B_FORM: TrackForm = {
  fields: [
    { key: 'targetAccount', label: 'Target account', type: 'text', required: false },
    { key: 'website', label: 'Company website', type: 'url', required: false },
    {
      key: 'buyingRole',
      label: "Your contact's role in the purchase",
      type: 'select',
      required: false,
      options: [
        'Decision maker',
        'Economic buyer',
        'Champion',
        'Technical evaluator',
        'Influencer',
        'User',
        'Not sure',
      ],
    },
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
    {
      key: 'decisionMakers',
      label: 'Who else takes part in the decision?',
      type: 'textarea',
      required: false,
    },
  ],
};
