import type { inferInput } from '@trpc/tanstack-react-query';
import type { trpc } from '../../api/trpc.js';
import type { Track } from '../../api/types.js';

/** A track's owner routing as `admin.tracks.create` and `update` take it. */
export type RoutingInput = NonNullable<inferInput<typeof trpc.admin.tracks.create>['routing']>;
/** The value a routing rule matches: text, a number or a yes/no, as the track stores it. */
export type RoutingValue = Track['routing']['rules'][number]['equals'];
export type RoutingFallback = Track['routing']['fallback'];

/** One routing rule while it is edited: the value as typed. */
export interface RoutingRuleDraft {
  /** Stable React key; not sent. */
  draftId: string;
  field: string;
  equals: string;
  /** The value as the track stores it; sent as it was (500 stays a number) while `equals` still reads the same. */
  storedEquals?: RoutingValue | undefined;
  ownerId: string;
}

/**
 * A track's whole routing while it is edited: the rules, what happens when none matches, and the people the
 * round robin shares out among (`undefined`: every enabled sales and manager account). The pool is kept as
 * typed, one id per entry, and is never dropped: it stays with the track even while the fallback leaves
 * referrals unassigned.
 */
export interface RoutingDraft {
  routingRules: RoutingRuleDraft[];
  routingFallback: RoutingFallback;
  routingPool: string[] | undefined;
}

/** The choices of "When no rule matches": the fallback and whether it has a pool, as one select. */
export type FallbackChoice = 'round_robin' | 'pool' | 'none';

let ruleCounter = 0;
function newRuleDraftId(): string {
  ruleCounter += 1;
  return `rule-${ruleCounter}`;
}

export function emptyRoutingRuleDraft(): RoutingRuleDraft {
  return { draftId: newRuleDraftId(), field: '', equals: '', ownerId: '' };
}

/** The routing of a new track: no rules, shared out among sales and managers. */
export function newRoutingDraft(): RoutingDraft {
  return { routingRules: [], routingFallback: 'round_robin', routingPool: undefined };
}

export function routingToDraft(routing: Track['routing']): RoutingDraft {
  return {
    routingRules: routing.rules.map((rule) => ({
      draftId: newRuleDraftId(),
      field: rule.field,
      equals: String(rule.equals),
      storedEquals: rule.equals,
      ownerId: rule.ownerId,
    })),
    routingFallback: routing.fallback,
    routingPool: routing.pool ? [...routing.pool] : undefined,
  };
}

/**
 * The value a rule sends: the stored one while the text still reads the same, else a number for a question
 * answered with a number, else the text. (Routing compares answers as text, but the stored type must survive an
 * edit of something else: the API, exports and audit log show it.)
 */
export function routingValue(rule: RoutingRuleDraft, questionType: string | undefined): RoutingValue {
  if (rule.storedEquals !== undefined && String(rule.storedEquals) === rule.equals) return rule.storedEquals;
  const text = rule.equals.trim();
  if (questionType === 'number' && text !== '' && Number.isFinite(Number(text))) return Number(text);
  return rule.equals;
}

/** Pool entries as sent: trimmed, blank ones left out, order kept (it is the round robin's order). */
export function poolIds(pool: readonly string[]): string[] {
  return pool.map((id) => id.trim()).filter((id) => id.length > 0);
}

/** What the editor sends as `routing`; `questionTypes` maps each question key to its answer type. */
export function routingDraftToInput(
  draft: RoutingDraft,
  questionTypes: ReadonlyMap<string, string>,
): RoutingInput {
  return {
    rules: draft.routingRules.map((rule) => ({
      field: rule.field.trim(),
      equals: routingValue(rule, questionTypes.get(rule.field.trim())),
      ownerId: rule.ownerId.trim(),
    })),
    fallback: draft.routingFallback,
    ...(draft.routingPool ? { pool: poolIds(draft.routingPool) } : {}),
  };
}

/** The "When no rule matches" choice a routing shows. */
export function fallbackChoice(draft: RoutingDraft): FallbackChoice {
  if (draft.routingFallback === 'none') return 'none';
  return draft.routingPool ? 'pool' : 'round_robin';
}

/**
 * The routing after choosing `choice`. Leaving referrals unassigned keeps the pool (unused, but there again when
 * the round robin comes back); sharing out among everyone removes it.
 */
export function withFallbackChoice(draft: RoutingDraft, choice: FallbackChoice): RoutingDraft {
  switch (choice) {
    case 'none':
      return { ...draft, routingFallback: 'none' };
    case 'round_robin':
      return { ...draft, routingFallback: 'round_robin', routingPool: undefined };
    case 'pool':
      return { ...draft, routingFallback: 'round_robin', routingPool: draft.routingPool ?? [] };
  }
}

/** What is wrong with the routing before it is sent, by input (`routingRules.0.equals`, `routingPool`). */
export function routingDraftErrors(
  draft: RoutingDraft,
  questionTypes: ReadonlyMap<string, string>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  draft.routingRules.forEach((rule, index) => {
    if (rule.field.trim() === '') errors[`routingRules.${index}.field`] = 'Choose a question.';
    if (rule.equals.trim() === '') {
      errors[`routingRules.${index}.equals`] = 'Enter the answer to match.';
    } else if (
      questionTypes.get(rule.field.trim()) === 'number' &&
      !Number.isFinite(Number(rule.equals.trim()))
    ) {
      errors[`routingRules.${index}.equals`] = 'This question is answered with a number: enter one.';
    }
    if (rule.ownerId.trim() === '')
      errors[`routingRules.${index}.ownerId`] = 'Choose who gets these referrals.';
  });
  if (fallbackChoice(draft) === 'pool' && poolIds(draft.routingPool ?? []).length === 0) {
    errors.routingPool = 'Choose at least one person to share referrals out among.';
  }
  return errors;
}
