import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  CheckboxField,
  Fieldset,
  FormAlert,
  SelectField,
  TextAreaField,
  TextField,
} from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { InstalledPlugin } from '../../api/types.js';
import {
  initialSettingsText,
  type SettingsField,
  settingsFields,
  settingsValues,
} from './settings-fields.js';

type Instance = InstalledPlugin['instances'][number];

/** One plugin instance's settings, drawn from the plugin's schema, with "Save" and "Test connection". */
export function PluginSettingsForm({ plugin, instance }: { plugin: InstalledPlugin; instance: Instance }) {
  const queryClient = useQueryClient();
  const fields = settingsFields(plugin.settingsJsonSchema, plugin.secretSettings);
  const stored = (instance.values ?? {}) as Record<string, unknown>;
  const [text, setText] = useState(() => initialSettingsText(fields, stored));
  const save = useMutation(
    trpc.admin.plugins.updateSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.plugins.list.queryKey() }),
    }),
  );
  const test = useMutation(trpc.admin.plugins.testConnection.mutationOptions());
  const formId = `plugin-settings-${plugin.id}-${instance.instance}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      pluginId: plugin.id,
      instance: instance.instance,
      values: settingsValues(fields, text) as Record<string, never>,
    });
  }

  return (
    <form
      id={formId}
      className="form-stack"
      onSubmit={submit}
      noValidate
      aria-label={`Settings of ${plugin.id} (${instance.instance})`}
    >
      {fields.length === 0 ? <p className="muted-text">This plugin has no settings.</p> : null}
      {groupFields(fields).map(({ group, fields: members }) => {
        const inputs = members.map((field) => (
          <SettingInput
            key={field.key}
            field={field}
            value={text[field.key] ?? ''}
            isStoredSecret={field.isSecret && isSetSecret(readStored(stored, field.key))}
            onChange={(value) => setText((current) => ({ ...current, [field.key]: value }))}
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
      {save.isError ? (
        <FormAlert title="The settings were not saved">{describeError(save.error)}</FormAlert>
      ) : null}
      {save.isSuccess ? (
        <FormAlert tone="success">
          Saved. Restart the server for the plugin to use the new settings.
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
    </form>
  );
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

function readStored(stored: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (value, part) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined,
      stored,
    );
}

function connectionTitle(result: { supported: boolean; ok: boolean }): string {
  if (!result.supported) return 'Nothing to test';
  return result.ok ? 'Connection works' : 'Connection failed';
}

function isSetSecret(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'set' in value && value.set === true;
}

function SettingInput({
  field,
  value,
  isStoredSecret,
  onChange,
}: {
  field: SettingsField;
  value: string;
  isStoredSecret: boolean;
  onChange: (value: string) => void;
}) {
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
          label={field.label}
          hint={field.description}
          checked={value === 'true'}
          onChange={(event) => onChange(String(event.target.checked))}
        />
      );
    case 'choice':
      return (
        <SelectField
          label={field.label}
          hint={hint || undefined}
          required={field.isRequired}
          placeholder="Choose…"
          value={value}
          options={field.choices.map((choice) => ({ value: choice, label: choice }))}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'json':
      return (
        <TextAreaField
          label={field.label}
          hint={hint ? `${hint} JSON.` : 'JSON.'}
          required={field.isRequired}
          value={value}
          rows={4}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <TextField
          label={field.label}
          hint={hint || undefined}
          required={field.isRequired}
          type={field.isSecret ? 'password' : field.kind === 'number' ? 'number' : 'text'}
          autoComplete={field.isSecret ? 'new-password' : 'off'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
