import { describe, expect, it } from 'vitest';
import { CONTACT_ROLES, contactRoleLabel } from './contact-roles.js';
import {
  REFERRAL_STAGE_OPTIONS,
  REFERRAL_STAGES,
  referralStageLabel,
  referralStageMeaning,
  referralStageTone,
} from './referral-stages.js';

describe('labels', () => {
  it('give every referral stage words for staff and for referrers, and a meaning for referrers', () => {
    for (const stage of REFERRAL_STAGES) {
      expect(referralStageLabel(stage)).not.toContain('_');
      expect(referralStageLabel(stage, 'referrer')).not.toContain('_');
      expect(referralStageMeaning(stage)).not.toBe('');
    }
    expect(referralStageLabel('meeting_booked')).toBe('Meeting booked');
    expect(referralStageLabel('rejected', 'referrer')).toBe('Not taken forward');
    expect(REFERRAL_STAGE_OPTIONS.map((option) => option.value)).toEqual(REFERRAL_STAGES);
  });

  it('give every contact role words, "other" included', () => {
    for (const role of CONTACT_ROLES) expect(contactRoleLabel(role)).not.toContain('_');
    expect(contactRoleLabel('other')).toBe('Other');
    expect(contactRoleLabel('economic_buyer')).toBe('Economic buyer');
  });

  it('read a stage or role this build does not know as its code with spaces', () => {
    expect(referralStageLabel('on_hold')).toBe('on hold');
    expect(referralStageTone('on_hold')).toBe('neutral');
    expect(contactRoleLabel('board_member')).toBe('board member');
  });
});
