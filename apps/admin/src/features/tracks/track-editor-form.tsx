import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  CheckboxField,
  FormAlert,
  REFERRAL_STAGE_OPTIONS,
  SelectField,
  TextAreaField,
  TextField,
} from '@warmpath/ui';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { validationIssuesOf } from '../../api/validation-issues.js';
import { brandColourWarning } from './brand-colour-advice.js';
import { BrandingPreview } from './branding-preview.js';
import { ChoicesFieldset } from './choices-fieldset.js';
import { focusFirstInvalid } from './focus-first-invalid.js';
import { IntakeFieldsEditor } from './intake-fields-editor.js';
import { RoutingRulesEditor } from './routing-rules-editor.js';
import {
  suggestSlug,
  TRACK_KIND_OPTIONS,
  type TrackDraft,
  type TrackKind,
  trackChanges,
} from './track-draft.js';
import { trackDraftErrors } from './track-draft-errors.js';
import { describeInputProblem, inEditorOrder, placeIssues } from './track-editor-issues.js';

/** Props of {@link TrackEditorForm}. */
export interface TrackEditorFormProps {
  initialDraft: TrackDraft;
  /** The label of the submit button ("Create track", "Save changes"). */
  submitLabel: string;
  onSubmit: (draft: TrackDraft) => void;
  isSaving: boolean;
  /** The last save's failure; the form keeps everything typed and shows why. */
  saveError: unknown;
  /** A new track's slug follows its name until edited; an existing one never changes by itself. */
  isNew: boolean;
  /** For roles that may read tracks but not change them: every control disabled and no save button. */
  isReadOnly?: boolean;
}

/** A message per input, shown once the person has tried to save. */
type DraftErrors = Readonly<Record<string, string>>;

/** Every setting of a track, in sections; used to create a track and to edit one. */
export function TrackEditorForm({
  initialDraft,
  submitLabel,
  onSubmit,
  isSaving,
  saveError,
  isNew,
  isReadOnly = false,
}: TrackEditorFormProps) {
  const [draft, setDraft] = useState(initialDraft);
  const [isCheckShown, setIsCheckShown] = useState(false);
  const [isNothingToSave, setIsNothingToSave] = useState(false);
  // Bumped by each refused save, so the first marked input gets the focus again.
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // What the server refused, on the inputs that show it; the editor's own checks win on the same input.
  const serverIssues = useMemo(() => placeIssues(validationIssuesOf(saveError)), [saveError]);
  const errors: DraftErrors = {
    ...serverIssues.byInput,
    ...(isCheckShown ? trackDraftErrors(draft) : {}),
  };
  const problems = [
    ...inEditorOrder(Object.keys(errors)).map((input) => describeInputProblem(input, errors[input] ?? '')),
    ...serverIssues.unplaced,
  ];
  const isRefusedInput = serverIssues.unplaced.length > 0 || Object.keys(serverIssues.byInput).length > 0;
  useEffect(() => {
    if (focusRequest > 0 || isRefusedInput) focusFirstInvalid(formRef.current);
  }, [focusRequest, isRefusedInput]);
  // Roles that may not list staff still edit routing, by account id.
  const staff = useQuery({ ...trpc.admin.users.list.queryOptions(), retry: false });
  const owners = staff.data
    ?.filter((account) => !account.disabledAt)
    .map((account) => ({ value: account.id, label: `${account.name} (${account.role})` }));
  const set = <Key extends keyof TrackDraft>(key: Key, value: TrackDraft[Key]) => {
    setIsNothingToSave(false);
    setDraft((current) => ({ ...current, [key]: value }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsCheckShown(true);
    if (Object.keys(trackDraftErrors(draft)).length > 0) {
      setFocusRequest((count) => count + 1);
      return;
    }
    // An existing track saved as it loaded: nothing to send.
    if (!isNew && Object.keys(trackChanges(initialDraft, draft)).length === 0) {
      setIsNothingToSave(true);
      return;
    }
    onSubmit(draft);
  }

  return (
    <form ref={formRef} className="track-editor" onSubmit={submit} noValidate aria-label="Track settings">
      {/* A disabled fieldset disables every control inside it, the editors' own buttons included. */}
      <fieldset className="plain-fieldset track-editor" disabled={isReadOnly}>
        <Card
          title="Basics"
          description="What the track is called, who refers through it and where its links lead."
        >
          <div className="form-grid">
            <TextField
              label="Name"
              value={draft.name}
              required
              maxLength={120}
              error={errors.name}
              onChange={(event) => {
                const name = event.target.value;
                const slugFollowsName =
                  isNew && (draft.slug === '' || draft.slug === suggestSlug(draft.name));
                setDraft((current) => ({
                  ...current,
                  name,
                  ...(slugFollowsName ? { slug: suggestSlug(name) } : {}),
                }));
              }}
            />
            <TextField
              label="Slug"
              hint="Lower-case letters, digits and hyphens; used in URLs and the API."
              value={draft.slug}
              required
              maxLength={64}
              error={errors.slug}
              onChange={(event) => set('slug', event.target.value)}
            />
            <SelectField
              label="Who refers"
              value={draft.kind}
              options={TRACK_KIND_OPTIONS}
              error={errors.kind}
              onChange={(event) => set('kind', event.target.value as TrackKind)}
            />
            <TextField
              label="Landing page"
              type="url"
              hint="Where referral links lead by default."
              value={draft.landingUrl}
              required
              placeholder="https://example.com/"
              error={errors.landingUrl}
              onChange={(event) => set('landingUrl', event.target.value)}
            />
            <TextField
              label="Attribution window (days)"
              type="number"
              inputMode="numeric"
              min={1}
              max={730}
              value={draft.attributionWindowDays}
              error={errors.attributionWindowDays}
              onChange={(event) => set('attributionWindowDays', event.target.value)}
            />
          </div>
          <TextAreaField
            label="Other allowed destinations"
            hint="Pages a link may send visitors to instead of the landing page, one URL per line."
            value={draft.allowedDestinations}
            rows={2}
            error={errors.allowedDestinations}
            onChange={(event) => set('allowedDestinations', event.target.value)}
          />
        </Card>

        <Card
          title="Intake form"
          description="The questions a referrer answers about the company they introduce."
        >
          <IntakeFieldsEditor
            fields={draft.fields}
            errors={errors}
            onChange={(fields) => set('fields', fields)}
          />
        </Card>

        <Card
          title="Acceptance and routing"
          description="How new referrals are accepted, who owns them and how fast."
        >
          <div className="form-stack">
            <CheckboxField
              label="Accept referrals automatically"
              hint="Otherwise each referral waits in the review queue. Referrals flagged by fraud rules are always reviewed."
              checked={draft.autoAccept}
              onChange={(event) => set('autoAccept', event.target.checked)}
            />
            <TextField
              label="Review SLA (hours)"
              type="number"
              inputMode="numeric"
              min={1}
              max={8760}
              hint="The owner is reminded when a referral waits longer than this."
              value={draft.slaHours}
              error={errors.slaHours}
              onChange={(event) => set('slaHours', event.target.value)}
            />
            <RoutingRulesEditor
              routing={draft}
              fields={draft.fields}
              errors={errors}
              onChange={({ routingRules, routingFallback, routingPool }) => {
                setIsNothingToSave(false);
                setDraft((current) => ({ ...current, routingRules, routingFallback, routingPool }));
              }}
              staff={owners}
            />
          </div>
        </Card>

        <Card
          title="What referrers see"
          description="Stages a referrer sees in the portal; a hidden stage shows as the last visible one reached."
        >
          <CheckboxField
            className="section-gap"
            label="Let people join this track from the portal"
            hint="They verify their email address, then get their own referral link."
            checked={draft.selfEnrolment}
            onChange={(event) => set('selfEnrolment', event.target.checked)}
          />
          <ChoicesFieldset legend="Visible stages" error={errors.visibleStages}>
            {REFERRAL_STAGE_OPTIONS.map((stage) => (
              <CheckboxField
                key={stage.value}
                label={stage.label}
                checked={draft.visibleStages.includes(stage.value)}
                onChange={(event) =>
                  set(
                    'visibleStages',
                    event.target.checked
                      ? [...draft.visibleStages, stage.value]
                      : draft.visibleStages.filter((visible) => visible !== stage.value),
                  )
                }
              />
            ))}
          </ChoicesFieldset>
        </Card>

        <Card title="Portal copy and branding" description="How the track presents itself to referrers.">
          <div className="branding-layout">
            <div className="form-stack">
              <TextField
                label="Headline"
                maxLength={200}
                value={draft.headline}
                error={errors.headline}
                onChange={(event) => set('headline', event.target.value)}
              />
              <TextAreaField
                label="Description"
                maxLength={2000}
                value={draft.description}
                error={errors.description}
                onChange={(event) => set('description', event.target.value)}
              />
              <TextAreaField
                label="Suggested share text"
                maxLength={1000}
                rows={2}
                value={draft.shareText}
                error={errors.shareText}
                onChange={(event) => set('shareText', event.target.value)}
              />
              <TextField
                label="Brand colour"
                hint={brandColourWarning(draft.primaryColor) ?? 'A hex colour like #c2410c.'}
                value={draft.primaryColor}
                maxLength={7}
                error={errors.primaryColor}
                onChange={(event) => set('primaryColor', event.target.value)}
              />
            </div>
            <BrandingPreview draft={draft} />
          </div>
        </Card>

        {problems.length > 0 ? (
          <FormAlert title="The track was not saved">
            <p>Correct the fields marked above:</p>
            <ul className="track-editor__problems">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </FormAlert>
        ) : null}
        {isNothingToSave ? <FormAlert tone="info">Nothing to save: no setting was changed.</FormAlert> : null}
        {saveError && !isRefusedInput ? (
          <FormAlert title="The track was not saved">{describeError(saveError)}</FormAlert>
        ) : null}
      </fieldset>
      {isReadOnly ? (
        <p className="muted-text">Your role can read this track&rsquo;s settings but not change them.</p>
      ) : (
        <div className="form-actions">
          <Button type="submit" isLoading={isSaving}>
            {submitLabel}
          </Button>
        </div>
      )}
    </form>
  );
}
