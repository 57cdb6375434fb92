import { readableIssueMessage, type ValidationIssue } from '../../api/validation-issues.js';

/**
 * Where each problem is shown in the track editor. Inputs are named by draft keys (`slug`, `fields.8.options`,
 * `routingRules.0.equals`, `routingPool`); the server names the same things by their API paths
 * (`changes.form.fields.8.options`), which {@link editorInputOf} translates.
 */

// The editor's inputs in the order they appear, so a list of problems reads top to bottom.
const INPUT_ORDER = [
  'name',
  'slug',
  'kind',
  'landingUrl',
  'attributionWindowDays',
  'allowedDestinations',
  'fields',
  'autoAccept',
  'slaHours',
  'routingRules',
  'routingFallback',
  'routingPool',
  'selfEnrolment',
  'visibleStages',
  'headline',
  'description',
  'shareText',
  'primaryColor',
] as const;

const INPUT_LABELS: Record<(typeof INPUT_ORDER)[number], string> = {
  name: 'Name',
  slug: 'Slug',
  kind: 'Who refers',
  landingUrl: 'Landing page',
  attributionWindowDays: 'Attribution window (days)',
  allowedDestinations: 'Other allowed destinations',
  fields: 'Intake form',
  autoAccept: 'Accept referrals automatically',
  slaHours: 'Review SLA (hours)',
  routingRules: 'Routing rules',
  routingFallback: 'When no rule matches',
  routingPool: 'Share out among',
  selfEnrolment: 'Let people join this track from the portal',
  visibleStages: 'Visible stages',
  headline: 'Headline',
  description: 'Description',
  shareText: 'Suggested share text',
  primaryColor: 'Brand colour',
};

// The parts of a question and of a routing rule, by the label each input shows.
const QUESTION_PARTS: Record<string, string> = {
  label: 'Question',
  key: 'Answer key',
  type: 'Answer type',
  required: 'Required',
  options: 'Choices',
};
const RULE_PARTS: Record<string, string> = {
  field: 'When the answer to',
  equals: 'Equals',
  ownerId: 'Assign to',
};

// API fields the editor shows under another name; the rest keep theirs (`slug`, `slaHours`…).
const TOP_LEVEL: Record<string, string> = {
  form: 'fields',
  referrerVisibleStages: 'visibleStages',
  routing: 'routingFallback',
};

/**
 * The editor input that shows the field at `path` (the server's path, inside `changes` for an update), or
 * undefined for a field the editor does not show (fraud thresholds, an unknown field).
 */
export function editorInputOf(path: readonly string[]): string | undefined {
  const [head, ...rest] = path[0] === 'changes' ? path.slice(1) : path;
  if (head === undefined) return undefined;
  if (head === 'form' && rest[0] === 'fields' && rest[1] !== undefined) {
    const part = rest[2] !== undefined && rest[2] in QUESTION_PARTS ? rest[2] : 'label';
    return `fields.${rest[1]}.${part}`;
  }
  if (head === 'routing') {
    if (rest[0] === 'rules' && rest[1] !== undefined) {
      const part = rest[2] !== undefined && rest[2] in RULE_PARTS ? rest[2] : 'field';
      return `routingRules.${rest[1]}.${part}`;
    }
    if (rest[0] === 'pool') return 'routingPool';
    return 'routingFallback';
  }
  if (head === 'portalCopy') {
    return rest[0] !== undefined && rest[0] in INPUT_LABELS ? rest[0] : 'headline';
  }
  const input = TOP_LEVEL[head] ?? head;
  return input in INPUT_LABELS ? input : undefined;
}

/** How people see an input's name: "Slug", "Question 9 · Choices", "Rule 2 · Equals". */
export function editorInputLabel(input: string): string {
  const [head, index, part] = input.split('.');
  const number = Number(index) + 1;
  if (head === 'fields' && part) return `Question ${number} · ${QUESTION_PARTS[part] ?? part}`;
  if (head === 'routingRules' && part) return `Rule ${number} · ${RULE_PARTS[part] ?? part}`;
  return INPUT_LABELS[head as keyof typeof INPUT_LABELS] ?? input;
}

function orderOf(input: string): [number, number, number] {
  const [head, index, part] = input.split('.');
  const parts = head === 'fields' ? Object.keys(QUESTION_PARTS) : Object.keys(RULE_PARTS);
  return [
    INPUT_ORDER.indexOf(head as (typeof INPUT_ORDER)[number]),
    index === undefined ? -1 : Number(index),
    part === undefined ? -1 : parts.indexOf(part),
  ];
}

/** Inputs with problems in the order the editor shows them. */
export function inEditorOrder(inputs: Iterable<string>): string[] {
  return [...inputs].sort((a, b) => {
    const [x, y] = [orderOf(a), orderOf(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
}

/** The problems the server found, placed on the editor's inputs; those it cannot place are kept apart. */
export interface EditorIssues {
  /** A message per input, in people's words. */
  byInput: Record<string, string>;
  /** "Fraud thresholds: …" for fields the editor does not show, so nothing the server said is lost. */
  unplaced: string[];
}

export function placeIssues(issues: readonly ValidationIssue[]): EditorIssues {
  const placed: EditorIssues = { byInput: {}, unplaced: [] };
  for (const issue of issues) {
    const message = readableIssueMessage(issue.message);
    const input = editorInputOf(issue.path);
    if (input) placed.byInput[input] ??= message;
    else {
      const where = (issue.path[0] === 'changes' ? issue.path.slice(1) : issue.path).join('.');
      placed.unplaced.push(where ? `${where}: ${message}` : message);
    }
  }
  return placed;
}

/** One line of the list of problems: "Question 9 · Choices: add at least one." */
export function describeInputProblem(input: string, message: string): string {
  // Lower-case the first letter of a sentence ("Add…"), not of a name ("URL…").
  const text = /^[A-Z][a-z]/.test(message) ? message[0]?.toLowerCase() + message.slice(1) : message;
  return `${editorInputLabel(input)}: ${text}`;
}
