import { Button, Fieldset, SelectField, TextField } from '@warmpath/ui';
import {
  emptyRoutingRuleDraft,
  type FallbackChoice,
  fallbackChoice,
  type RoutingDraft,
  type RoutingRuleDraft,
  withFallbackChoice,
} from './routing-draft.js';
import { RoutingPoolField } from './routing-pool-field.js';
import type { FieldDraft } from './track-draft.js';

const FALLBACK_OPTIONS: ReadonlyArray<{ value: FallbackChoice; label: string }> = [
  { value: 'round_robin', label: 'Share out among sales and managers (round robin)' },
  { value: 'pool', label: 'Share out among chosen people (round robin)' },
  { value: 'none', label: 'Leave unassigned' },
];

/** Props of {@link RoutingRulesEditor}. */
export interface RoutingRulesEditorProps {
  /** The track's whole routing: rules, fallback and pool. */
  routing: RoutingDraft;
  /** The track's questions, offered as the answer a rule looks at. */
  fields: FieldDraft[];
  /** Messages by input (`routingRules.0.ownerId`), from the editor's checks. */
  errors?: Readonly<Record<string, string>>;
  onChange: (routing: RoutingDraft) => void;
  /** Staff who may own referrals, when the signed-in role may list them; otherwise owners are typed as ids. */
  staff?: ReadonlyArray<{ value: string; label: string }> | undefined;
}

/** Who owns a new referral: the first rule whose answer matches, otherwise the fallback (and its pool). */
export function RoutingRulesEditor({
  routing,
  fields,
  errors = {},
  onChange,
  staff,
}: RoutingRulesEditorProps) {
  const rules = routing.routingRules;
  const setRules = (routingRules: RoutingRuleDraft[]) => onChange({ ...routing, routingRules });
  const fieldOptions = fields
    .filter((field) => field.key.trim() !== '')
    .map((field) => ({ value: field.key, label: field.label || field.key }));
  function update(index: number, changes: Partial<RoutingRuleDraft>) {
    setRules(rules.map((rule, at) => (at === index ? { ...rule, ...changes } : rule)));
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
                onClick={() => setRules(rules.filter((_, at) => at !== index))}
              >
                Remove
                <span className="wp-visually-hidden"> rule {number}</span>
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div>
        <Button variant="secondary" onClick={() => setRules([...rules, emptyRoutingRuleDraft()])}>
          Add routing rule
        </Button>
      </div>
      <SelectField
        label="When no rule matches"
        value={fallbackChoice(routing)}
        options={FALLBACK_OPTIONS}
        onChange={(event) => onChange(withFallbackChoice(routing, event.target.value as FallbackChoice))}
      />
      {fallbackChoice(routing) === 'pool' ? (
        <RoutingPoolField
          pool={routing.routingPool ?? []}
          staff={staff}
          error={errors.routingPool}
          onChange={(routingPool) => onChange({ ...routing, routingPool })}
        />
      ) : null}
    </div>
  );
}
