import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  CheckboxField,
  Fieldset,
  FormAlert,
  SelectField,
  TextAreaField,
  TextField,
} from '@warmpath/ui';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { InstalledPlugin } from '../../api/types.js';
import {
  effectiveSettingsDraft,
  isStoredSecretSet,
  listRowKey,
  type SettingDraftValue,
  type SettingsDraft,
  type SettingsField,
  settingsChanges,
  settingsErrors,
  settingsFields,
  showsDefault,
} from './settings-fields.js';

type Instance = InstalledPlugin['instances'][number];

/**
 * One plugin instance's settings, drawn from the plugin's schema, with "Save" and "Test connection". Each field
 * shows its effective value (stored, else the default, marked "default"); saving sends only what was changed.
 * `isReadOnly` (roles that may read plugins but not manage them) shows the values with every control disabled
 * and no buttons.
 */
export function PluginSettingsForm({
  plugin,
  instance,
  isReadOnly = false,
}: {
  plugin: InstalledPlugin;
  instance: Instance;
  isReadOnly?: boolean;
}) {
  const queryClient = useQueryClient();
  const fields = useMemo(
    () => settingsFields(plugin.settingsJsonSchema, plugin.secretSettings),
    [plugin.settingsJsonSchema, plugin.secretSettings],
  );
  const save = useMutation(
    trpc.admin.plugins.updateSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.plugins.list.queryKey() }),
    }),
  );
  // The answer to a save is the stored settings; until the list reloads, it is the freshest word on them.
  const stored = (save.data?.values ?? instance.values ?? {}) as Record<string, unknown>;
  // What the form started from (or last saved): changes are measured against it.
  const [baseline, setBaseline] = useState(() => effectiveSettingsDraft(fields, stored));
  const [draft, setDraft] = useState(baseline);
  const [isCheckShown, setIsCheckShown] = useState(false);
  const [isNothingToSave, setIsNothingToSave] = useState(false);
  const test = useMutation(
    trpc.admin.plugins.testConnection.mutationOptions({
      // The list carries each instance's last test result (its health): refresh it.
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.admin.plugins.list.queryKey() }),
    }),
  );
  const formId = `plugin-settings-${plugin.id}-${instance.instance}`;
  const errors = isCheckShown ? settingsErrors(fields, draft) : {};

  function change(key: string, value: SettingDraftValue) {
    setIsNothingToSave(false);
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsCheckShown(true);
    if (Object.keys(settingsErrors(fields, draft)).length > 0) return;
    const changes = settingsChanges(fields, baseline, draft);
    if (Object.keys(changes).length === 0) {
      setIsNothingToSave(true);
      return;
    }
    const submitted = draft;
    save.mutate(
      { pluginId: plugin.id, instance: instance.instance, changes: changes as Record<string, never> },
      {
        // Secrets are write-only: once saved, their inputs empty again.
        onSuccess: () => {
          const saved = clearedSecrets(fields, submitted);
          setBaseline(saved);
          setDraft(saved);
        },
      },
    );
  }

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      id={formId}
      className="form-stack"
      onSubmit={submit}
      noValidate
      aria-label={`Settings of ${plugin.id} (${instance.instance})`}
    >
      {fields.length === 0 ? <p className="muted-text">This plugin has no settings.</p> : null}
      {/* A disabled fieldset disables every control inside it natively. */}
      <fieldset className="plain-fieldset form-stack" disabled={isReadOnly}>
        {groupFields(fields).map(({ group, fields: members }) => {
          const inputs = members.map((field) => (
            <SettingInput
              key={field.key}
              field={field}
              value={draft[field.key]}
              errors={errors}
              isDefault={showsDefault(field, stored, draft)}
              isStoredSecret={isStoredSecretSet(field, stored)}
              onChange={(value) => change(field.key, value)}
            />
          ));
          return group ? (
            <Fieldset key={group} legend={group}>
              {inputs}
            </Fieldset>
          ) : (
            inputs
          );
        })}
      </fieldset>
      {hasErrors ? (
        <FormAlert title="The settings were not saved">Correct the fields marked below.</FormAlert>
      ) : null}
      {save.isError ? (
        <FormAlert title="The settings were not saved">{describeError(save.error)}</FormAlert>
      ) : null}
      {isNothingToSave ? <FormAlert tone="info">Nothing to save: no setting was changed.</FormAlert> : null}
      {save.isSuccess && !isNothingToSave ? (
        <FormAlert tone="success">
          Saved. Every running server uses the new settings within seconds.
        </FormAlert>
      ) : null}
      {test.isError ? <FormAlert>{describeError(test.error)}</FormAlert> : null}
      {test.data ? (
        <FormAlert tone={test.data.ok ? 'success' : 'danger'} title={connectionTitle(test.data)}>
          {test.data.checks
            .map((check) => `${check.point}: ${check.result.ok ? 'connected' : check.result.message}`)
            .join('\n') || 'This plugin has nothing to connect to.'}
        </FormAlert>
      ) : null}
      {isReadOnly ? (
        <p className="muted-text">Only owners and admins change plugin settings or test connections.</p>
      ) : (
        <div className="button-row">
          {fields.length > 0 ? (
            <Button type="submit" isLoading={save.isPending}>
              Save settings
            </Button>
          ) : null}
          <Button
            variant="secondary"
            isLoading={test.isPending}
            onClick={() => test.mutate({ pluginId: plugin.id, instance: instance.instance })}
          >
            Test connection
          </Button>
        </div>
      )}
    </form>
  );
}

/** The draft as saved, with every secret input emptied (a stored secret is never shown back). */
function clearedSecrets(fields: readonly SettingsField[], draft: SettingsDraft): SettingsDraft {
  const cleared = { ...draft };
  for (const field of fields) if (field.isSecret) cleared[field.key] = '';
  return cleared;
}

/** Fields in order, consecutive members of one group together. */
function groupFields(
  fields: readonly SettingsField[],
): { group: string | undefined; fields: SettingsField[] }[] {
  const groups: { group: string | undefined; fields: SettingsField[] }[] = [];
  for (const field of fields) {
    const last = groups.at(-1);
    if (last && field.group !== undefined && last.group === field.group) last.fields.push(field);
    else groups.push({ group: field.group, fields: [field] });
  }
  return groups;
}

function connectionTitle(result: { supported: boolean; ok: boolean }): string {
  if (!result.supported) return 'Nothing to test';
  return result.ok ? 'Connection works' : 'Connection failed';
}

/** A field's label, with a "default" tag while it shows the schema's default rather than a stored value. */
function SettingLabel({ field, isDefault }: { field: SettingsField; isDefault: boolean }): ReactNode {
  return (
    <>
      {field.label}
      {isDefault ? (
        <>
          {' '}
          <Badge className="setting-default-badge">default</Badge>
        </>
      ) : null}
    </>
  );
}

function SettingInput({
  field,
  value,
  errors,
  isDefault,
  isStoredSecret,
  onChange,
}: {
  field: SettingsField;
  value: SettingDraftValue | undefined;
  errors: Readonly<Record<string, string>>;
  isDefault: boolean;
  isStoredSecret: boolean;
  onChange: (value: SettingDraftValue) => void;
}) {
  const label = <SettingLabel field={field} isDefault={isDefault} />;
  const text = typeof value === 'string' ? value : '';
  const hint = [
    field.description,
    field.isSecret ? (isStoredSecret ? 'Stored; leave empty to keep it.' : 'Not set.') : null,
  ]
    .filter(Boolean)
    .join(' ');
  switch (field.kind) {
    case 'boolean':
      return (
        <CheckboxField
          label={label}
          hint={field.description}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      );
    case 'list':
      return (
        <SettingListInput
          field={field}
          legend={label}
          rows={Array.isArray(value) ? value : []}
          errors={errors}
          onChange={onChange}
        />
      );
    case 'choice':
      return (
        <SelectField
          label={label}
          hint={hint || undefined}
          error={errors[field.key]}
          required={field.isRequired}
          placeholder="Choose…"
          value={text}
          options={field.choices.map((choice) => ({ value: choice, label: choice }))}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'json':
      return (
        <TextAreaField
          label={label}
          hint={hint ? `${hint} JSON.` : 'JSON.'}
          error={errors[field.key]}
          required={field.isRequired}
          value={text}
          rows={4}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <TextField
          label={label}
          hint={hint || undefined}
          error={errors[field.key]}
          required={field.isRequired}
          type={field.isSecret ? 'password' : field.kind === 'number' ? 'number' : 'text'}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          min={field.minimum}
          max={field.maximum}
          autoComplete={field.isSecret ? 'new-password' : 'off'}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}

/** A list setting as rows: one input per item, each removable, and a button to add one. */
function SettingListInput({
  field,
  legend,
  rows,
  errors,
  onChange,
}: {
  field: SettingsField;
  legend: ReactNode;
  rows: readonly string[];
  errors: Readonly<Record<string, string>>;
  onChange: (rows: string[]) => void;
}) {
  return (
    <Fieldset legend={legend} description={field.description} className="setting-list">
      {rows.length === 0 ? <p className="muted-text">None.</p> : null}
      {rows.map((row, index) => {
        const number = index + 1;
        return (
          // Rows have no identity beyond their position; typing never reorders them.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <div key={index} className="setting-list__row">
            <TextField
              className="setting-list__input"
              label={
                <span className="wp-visually-hidden">
                  {field.label} {number}
                </span>
              }
              inputMode={field.itemKind === 'number' ? 'decimal' : undefined}
              error={errors[listRowKey(field, index)]}
              value={row}
              onChange={(event) =>
                onChange(rows.map((item, at) => (at === index ? event.target.value : item)))
              }
            />
            <Button variant="ghost" size="sm" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
              Remove
              <span className="wp-visually-hidden">
                {' '}
                {field.label} {number}
              </span>
            </Button>
          </div>
        );
      })}
      <div>
        <Button variant="secondary" size="sm" onClick={() => onChange([...rows, ''])}>
          Add
          <span className="wp-visually-hidden"> to {field.label}</span>
        </Button>
      </div>
    </Fieldset>
  );
}
