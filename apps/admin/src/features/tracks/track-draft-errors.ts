import { routingDraftErrors } from './routing-draft.js';
import { lines, type TrackDraft } from './track-draft.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function wholeNumberProblem(text: string, minimum: number, maximum: number): string | undefined {
  const number = Number(text);
  return text.trim() === '' || !Number.isInteger(number) || number < minimum || number > maximum
    ? `Enter a whole number from ${minimum} to ${maximum}.`
    : undefined;
}

function optionsProblem(options: string): string | undefined {
  const choices = lines(options);
  if (choices.length === 0) return 'Add at least one choice.';
  if (new Set(choices).size !== choices.length) return 'Each choice may appear only once.';
  if (choices.length > 100) return 'Use at most 100 choices.';
  if (choices.some((choice) => choice.length > 200)) return 'Keep each choice to 200 characters.';
  return undefined;
}

/**
 * What is wrong with a draft before it is sent, by input: `name`, `slug`, `fields.0.key`, `routingRules.1.ownerId`…
 * The cheap checks of the server's track schema, which checks everything again (its answers are placed on the
 * same inputs: see `track-editor-issues.ts`).
 */
export function trackDraftErrors(draft: TrackDraft): Record<string, string> {
  const errors: Record<string, string | undefined> = {
    name: draft.name.trim() === '' ? 'Give the track a name.' : undefined,
    slug: SLUG.test(draft.slug.trim()) ? undefined : 'Use lower-case letters, digits and single hyphens.',
    landingUrl: isHttpUrl(draft.landingUrl.trim())
      ? undefined
      : 'Enter an http or https address, like https://example.com/.',
    allowedDestinations: lines(draft.allowedDestinations).every(isHttpUrl)
      ? undefined
      : 'Each line must be an http or https address.',
    attributionWindowDays: wholeNumberProblem(draft.attributionWindowDays, 1, 730),
    slaHours: wholeNumberProblem(draft.slaHours, 1, 8760),
    fields: draft.fields.length > 50 ? 'Use at most 50 questions.' : undefined,
    visibleStages: draft.visibleStages.length === 0 ? 'Show referrers at least one stage.' : undefined,
    // Blank is allowed: the track then follows the portal's theme.
    primaryColor:
      draft.primaryColor.trim() === '' || HEX_COLOUR.test(draft.primaryColor.trim())
        ? undefined
        : 'Use a hex colour like #c2410c.',
  };
  const keys = new Set<string>();
  draft.fields.forEach((field, index) => {
    const key = field.key.trim();
    if (field.label.trim() === '') errors[`fields.${index}.label`] = 'Write the question.';
    if (!FIELD_KEY.test(key)) {
      errors[`fields.${index}.key`] = 'Start with a letter; use letters, digits and underscores.';
    } else if (keys.has(key)) {
      errors[`fields.${index}.key`] = 'Another question already uses this key.';
    }
    keys.add(key);
    if (field.type === 'select' || field.type === 'multiselect') {
      errors[`fields.${index}.options`] = optionsProblem(field.options);
    }
  });
  const questionTypes = new Map(draft.fields.map((field) => [field.key.trim(), field.type]));
  Object.assign(errors, routingDraftErrors(draft, questionTypes));
  return Object.fromEntries(
    Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
