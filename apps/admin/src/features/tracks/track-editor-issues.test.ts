import { describe, expect, it } from 'vitest';
import { editorInputLabel, editorInputOf, inEditorOrder, placeIssues } from './track-editor-issues.js';

describe('problems in the track editor', () => {
  it('place server paths on the inputs that show them', () => {
    expect(editorInputOf(['changes', 'form', 'fields', '8', 'options'])).toBe('fields.8.options');
    expect(editorInputOf(['form', 'fields', '8', 'options', '2'])).toBe('fields.8.options');
    expect(editorInputOf(['changes', 'routing', 'rules', '1', 'equals'])).toBe('routingRules.1.equals');
    expect(editorInputOf(['changes', 'routing', 'pool', '0'])).toBe('routingPool');
    expect(editorInputOf(['changes', 'allowedDestinations', '3'])).toBe('allowedDestinations');
    expect(editorInputOf(['changes', 'portalCopy', 'primaryColor'])).toBe('primaryColor');
    expect(editorInputOf(['changes', 'referrerVisibleStages'])).toBe('visibleStages');
    expect(editorInputOf(['changes', 'fraudThresholds', 'review'])).toBeUndefined();
  });

  it('name inputs as people see them, in the order the editor shows them', () => {
    expect(editorInputLabel('fields.8.options')).toBe('Question 9 · Choices');
    expect(editorInputLabel('routingRules.0.ownerId')).toBe('Rule 1 · Assign to');
    expect(
      inEditorOrder(['primaryColor', 'fields.10.key', 'slug', 'fields.2.options', 'fields.2.label']),
    ).toEqual(['slug', 'fields.2.label', 'fields.2.options', 'fields.10.key', 'primaryColor']);
  });

  it('keep what it cannot place, and reword zod for people', () => {
    expect(
      placeIssues([
        { path: ['changes', 'fraudThresholds', 'review'], message: 'Too big: expected number to be <=100' },
        {
          path: ['changes', 'form', 'fields', '0', 'label'],
          message: 'Too small: expected string to have >=1 characters',
        },
      ]),
    ).toEqual({
      byInput: { 'fields.0.label': 'Fill this in.' },
      unplaced: ['fraudThresholds.review: Enter 100 or less.'],
    });
  });
});
