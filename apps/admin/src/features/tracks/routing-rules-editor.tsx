import { Button, Fieldset, SelectField, TextField } from '@warmpath/ui';
import { emptyRoutingRuleDraft, type FieldDraft, type RoutingRuleDraft } from './track-draft.js';

/** Props of {@link RoutingRulesEditor}. */
export interface RoutingRulesEditorProps {
  rules: RoutingRuleDraft[];
  fallback: 'round_robin' | 'none';
  /** The track's questions, offered as the answer a rule looks at. */
  fields: FieldDraft[];
  /** Messages by input (`routingRules.0.ownerId`), from the editor's checks. */
  errors?: Readonly<Record<string, string>>;
  onChange: (rules: RoutingRuleDraft[]) => void;
  onFallbackChange: (fallback: 'round_robin' | 'none') => void;
  /** Staff who may own referrals, when the signed-in role may list them; otherwise owners are typed as ids. */
  staff?: ReadonlyArray<{ value: string; label: string }> | undefined;
}

/** Who owns a new referral: the first rule whose answer matches, otherwise the fallback. */
export function RoutingRulesEditor({
  rules,
  fallback,
  fields,
  errors = {},
  onChange,
  onFallbackChange,
  staff,
}: RoutingRulesEditorProps) {
  const fieldOptions = fields
    .filter((field) => field.key.trim() !== '')
    .map((field) => ({ value: field.key, label: field.label || field.key }));
  function update(index: number, changes: Partial<RoutingRuleDraft>) {
    onChange(rules.map((rule, at) => (at === index ? { ...rule, ...changes } : rule)));
  }
  return (
    <div className="form-builder">
      {rules.map((rule, index) => {
        const number = index + 1;
        const options = fieldOptions.some((option) => option.value === rule.field)
          ? fieldOptions
          : rule.field
            ? [...fieldOptions, { value: rule.field, label: rule.field }]
            : fieldOptions;
        return (
          <Fieldset key={rule.draftId} legend={`Rule ${number}`}>
            <div className="form-grid">
              <SelectField
                label="When the answer to"
                placeholder="Choose a question…"
                value={rule.field}
                options={options}
                required
                error={errors[`routingRules.${index}.field`]}
                onChange={(event) => update(index, { field: event.target.value })}
              />
              <TextField
                label="Equals"
                value={rule.equals}
                required
                error={errors[`routingRules.${index}.equals`]}
                onChange={(event) => update(index, { equals: event.target.value })}
              />
              {staff ? (
                <SelectField
                  label="Assign to"
                  placeholder="Choose a staff member…"
                  value={rule.ownerId}
                  options={
                    staff.some((member) => member.value === rule.ownerId) || !rule.ownerId
                      ? staff
                      : [...staff, { value: rule.ownerId, label: `Unknown account ${rule.ownerId}` }]
                  }
                  required
                  error={errors[`routingRules.${index}.ownerId`]}
                  onChange={(event) => update(index, { ownerId: event.target.value })}
                />
              ) : (
                <TextField
                  label="Assign to (staff user id)"
                  value={rule.ownerId}
                  required
                  error={errors[`routingRules.${index}.ownerId`]}
                  onChange={(event) => update(index, { ownerId: event.target.value })}
                />
              )}
            </div>
            <div className="form-builder__row-actions">
              <Button
                variant="danger"
                size="sm"
                onClick={() => onChange(rules.filter((_, at) => at !== index))}
              >
                Remove
                <span className="wp-visually-hidden"> rule {number}</span>
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div>
        <Button variant="secondary" onClick={() => onChange([...rules, emptyRoutingRuleDraft()])}>
          Add routing rule
        </Button>
      </div>
      <SelectField
        label="When no rule matches"
        value={fallback}
        options={[
          { value: 'round_robin', label: 'Share out among sales and managers (round robin)' },
          { value: 'none', label: 'Leave unassigned' },
        ]}
        onChange={(event) => onFallbackChange(event.target.value as 'round_robin' | 'none')}
      />
    </div>
  );
}
