import type { inferInput } from '@trpc/tanstack-react-query';
import { REFERRAL_STAGES } from '@warmpath/ui';
import type { trpc } from '../../api/trpc.js';
import type { Track } from '../../api/types.js';
import { newRoutingDraft, type RoutingDraft, routingDraftToInput, routingToDraft } from './routing-draft.js';

/** What `admin.tracks.create` accepts. */
export type CreateTrackInput = inferInput<typeof trpc.admin.tracks.create>;
export type TrackKind = CreateTrackInput['kind'];
export type FormFieldType = NonNullable<CreateTrackInput['form']>['fields'][number]['type'];
export type ReferralStage = NonNullable<CreateTrackInput['referrerVisibleStages']>[number];

export const TRACK_KIND_OPTIONS: ReadonlyArray<{ value: TrackKind; label: string }> = [
  { value: 'client', label: 'Clients' },
  { value: 'partner', label: 'Partners' },
  { value: 'employee', label: 'Employees' },
  { value: 'custom', label: 'Custom' },
];

export const FIELD_TYPE_OPTIONS: ReadonlyArray<{ value: FormFieldType; label: string }> = [
  { value: 'text', label: 'Short text' },
  { value: 'textarea', label: 'Long text' },
  { value: 'email', label: 'Email' },
  { value: 'url', label: 'Web address' },
  { value: 'number', label: 'Number' },
  { value: 'select', label: 'One choice' },
  { value: 'multiselect', label: 'Several choices' },
  { value: 'date', label: 'Date' },
];

/** One intake question while it is edited: options as typed (one per line). */
export interface FieldDraft {
  /** Stable React key; not sent. */
  draftId: string;
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options: string;
}

/** The portal's own accent colour (`--wp-color-primary`): what a track without a brand colour shows. */
export const DEFAULT_PRIMARY_COLOR = '#c2410c';

/**
 * A track as its editor holds it: every input's raw text, so nothing the user typed is lost or reformatted while
 * they type, or when the server refuses a save.
 */
export interface TrackDraft extends RoutingDraft {
  name: string;
  slug: string;
  kind: TrackKind;
  landingUrl: string;
  allowedDestinations: string;
  attributionWindowDays: string;
  autoAccept: boolean;
  slaHours: string;
  fields: FieldDraft[];
  visibleStages: ReferralStage[];
  selfEnrolment: boolean;
  headline: string;
  description: string;
  shareText: string;
  /** The brand colour shown: the track's own, else {@link DEFAULT_PRIMARY_COLOR}. */
  primaryColor: string;
  /**
   * Whether the track stores a brand colour. Without one it follows the portal's theme, and the default shown here
   * is not sent unless someone picks another: a default nobody chose must not become the track's colour.
   */
  hasOwnPrimaryColor: boolean;
}

let draftCounter = 0;
/** A key for a new row of the editor. */
export function newDraftId(): string {
  draftCounter += 1;
  return `draft-${draftCounter}`;
}

export function emptyFieldDraft(): FieldDraft {
  return { draftId: newDraftId(), key: '', label: '', type: 'text', required: false, options: '' };
}

/** The editor of a new track: an empty form (the server fills in the B2B intake form when none is given). */
export function newTrackDraft(): TrackDraft {
  return {
    name: '',
    slug: '',
    kind: 'client',
    landingUrl: '',
    allowedDestinations: '',
    attributionWindowDays: '90',
    autoAccept: false,
    slaHours: '48',
    fields: [],
    ...newRoutingDraft(),
    visibleStages: [...REFERRAL_STAGES],
    selfEnrolment: false,
    headline: '',
    description: '',
    shareText: '',
    primaryColor: DEFAULT_PRIMARY_COLOR,
    hasOwnPrimaryColor: false,
  };
}

/** The editor of an existing track. */
export function trackToDraft(track: Track): TrackDraft {
  return {
    name: track.name,
    slug: track.slug,
    kind: track.kind,
    landingUrl: track.landingUrl,
    allowedDestinations: track.allowedDestinations.join('\n'),
    attributionWindowDays: String(track.attributionWindowDays),
    autoAccept: track.autoAccept,
    slaHours: String(track.slaHours),
    fields: track.form.fields.map((field) => ({
      draftId: newDraftId(),
      key: field.key,
      label: field.label,
      type: field.type,
      required: field.required,
      options: (field.options ?? []).join('\n'),
    })),
    ...routingToDraft(track.routing),
    visibleStages: track.referrerVisibleStages as ReferralStage[],
    selfEnrolment: track.selfEnrolment,
    headline: track.portalCopy.headline ?? '',
    description: track.portalCopy.description ?? '',
    shareText: track.portalCopy.shareText ?? '',
    primaryColor: track.portalCopy.primaryColor ?? DEFAULT_PRIMARY_COLOR,
    hasOwnPrimaryColor: track.portalCopy.primaryColor !== undefined,
  };
}

/** The non-blank lines of a text area, trimmed. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function optionalText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** Turns a number field's text into a number; text that is not one is sent as NaN so the server names the field. */
function wholeNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** A field key from its label ("Company size" → "company_size"), offered while the key is still empty. */
export function suggestFieldKey(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^a-zA-Z0-9]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(' ')
    .filter(Boolean);
  const key = words.join('_').slice(0, 64);
  return /^[a-z]/.test(key) ? key : key ? `field_${key}`.slice(0, 64) : '';
}

/** A slug from a name ("Enterprise clients" → "enterprise-clients"). */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** What the editor sends: every setting of the track, from the draft. */
export function draftToInput(draft: TrackDraft): CreateTrackInput {
  const isChoice = (type: FormFieldType) => type === 'select' || type === 'multiselect';
  return {
    name: draft.name,
    slug: draft.slug.trim(),
    kind: draft.kind,
    landingUrl: draft.landingUrl.trim(),
    allowedDestinations: lines(draft.allowedDestinations),
    attributionWindowDays: wholeNumber(draft.attributionWindowDays),
    autoAccept: draft.autoAccept,
    slaHours: wholeNumber(draft.slaHours),
    form: {
      fields: draft.fields.map((field) => ({
        key: field.key.trim(),
        label: field.label,
        type: field.type,
        required: field.required,
        ...(isChoice(field.type) ? { options: lines(field.options) } : {}),
      })),
    },
    routing: routingDraftToInput(draft, new Map(draft.fields.map((field) => [field.key.trim(), field.type]))),
    // In lifecycle order, whatever order they were ticked in.
    referrerVisibleStages: REFERRAL_STAGES.filter((stage) => draft.visibleStages.includes(stage)),
    selfEnrolment: draft.selfEnrolment,
    portalCopy: {
      headline: optionalText(draft.headline),
      description: optionalText(draft.description),
      shareText: optionalText(draft.shareText),
      primaryColor: primaryColorToSend(draft),
    },
  };
}

/** The brand colour to store: none while a track without one still shows the default. */
function primaryColorToSend(draft: TrackDraft): string | undefined {
  const colour = optionalText(draft.primaryColor);
  const isUnchosenDefault = !draft.hasOwnPrimaryColor && colour?.toLowerCase() === DEFAULT_PRIMARY_COLOR;
  return isUnchosenDefault ? undefined : colour;
}

/** Settings of a track the editor can change, as `admin.tracks.update` takes them. */
export type TrackChanges = Partial<CreateTrackInput>;

/**
 * The settings the person changed, compared as they would be sent (so retyping a value, or a blank line in a list,
 * is no change). An unchanged track gives an empty object. The intake form, routing and portal copy are each
 * sent whole when anything in them changed.
 */
export function trackChanges(initial: TrackDraft, draft: TrackDraft): TrackChanges {
  const before = draftToInput(initial);
  const after = draftToInput(draft);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof CreateTrackInput>) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  return changes as TrackChanges;
}
