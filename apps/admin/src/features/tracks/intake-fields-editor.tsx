import {
  Button,
  CheckboxField,
  EmptyState,
  Fieldset,
  SelectField,
  TextAreaField,
  TextField,
} from '@warmpath/ui';
import {
  emptyFieldDraft,
  FIELD_TYPE_OPTIONS,
  type FieldDraft,
  type FormFieldType,
  suggestFieldKey,
} from './track-draft.js';

/** Props of {@link IntakeFieldsEditor}. */
export interface IntakeFieldsEditorProps {
  fields: FieldDraft[];
  /** Messages by input (`fields.0.key`), from the editor's checks. */
  errors?: Readonly<Record<string, string>>;
  onChange: (fields: FieldDraft[]) => void;
}

/**
 * The form builder: the questions referrers answer about an introduction. Each question is a fieldset with its
 * label, key, type, whether it is required, and, for choice questions, one option per line; questions can be
 * moved up and down and removed with buttons (no drag and drop, so the keyboard does everything).
 */
export function IntakeFieldsEditor({ fields, errors = {}, onChange }: IntakeFieldsEditorProps) {
  function update(index: number, changes: Partial<FieldDraft>) {
    onChange(fields.map((field, at) => (at === index ? { ...field, ...changes } : field)));
  }
  function move(index: number, offset: -1 | 1) {
    const target = index + offset;
    if (target < 0 || target >= fields.length) return;
    const next = [...fields];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(target, 0, moved);
    onChange(next);
  }

  return (
    <div className="form-builder">
      {errors.fields ? <p className="wp-field__error">{errors.fields}</p> : null}
      {fields.length === 0 ? (
        <EmptyState
          headingLevel={3}
          title="No custom questions"
          description="A new track without questions starts from the standard B2B intake form. Add questions to ask your own."
        />
      ) : null}
      {fields.map((field, index) => {
        const number = index + 1;
        const isChoice = field.type === 'select' || field.type === 'multiselect';
        return (
          <Fieldset key={field.draftId} legend={`Question ${number}${field.label ? `: ${field.label}` : ''}`}>
            <div className="form-grid">
              <TextField
                label="Question"
                value={field.label}
                required
                maxLength={200}
                error={errors[`fields.${index}.label`]}
                onChange={(event) => {
                  const label = event.target.value;
                  // Offer a key from the label until the user writes their own.
                  const keyFollowsLabel = field.key === '' || field.key === suggestFieldKey(field.label);
                  update(index, { label, ...(keyFollowsLabel ? { key: suggestFieldKey(label) } : {}) });
                }}
              />
              <TextField
                label="Answer key"
                hint="Names the answer in the API, exports and routing rules."
                value={field.key}
                required
                maxLength={64}
                pattern="[a-zA-Z][a-zA-Z0-9_]*"
                error={errors[`fields.${index}.key`]}
                onChange={(event) => update(index, { key: event.target.value })}
              />
              <SelectField
                label="Answer type"
                value={field.type}
                options={FIELD_TYPE_OPTIONS}
                error={errors[`fields.${index}.type`]}
                onChange={(event) => update(index, { type: event.target.value as FormFieldType })}
              />
            </div>
            {isChoice ? (
              <TextAreaField
                label="Choices"
                hint="One per line."
                value={field.options}
                required
                rows={3}
                error={errors[`fields.${index}.options`]}
                onChange={(event) => update(index, { options: event.target.value })}
              />
            ) : null}
            <CheckboxField
              label="Required"
              checked={field.required}
              onChange={(event) => update(index, { required: event.target.checked })}
            />
            <div className="form-builder__row-actions">
              <Button variant="ghost" size="sm" disabled={index === 0} onClick={() => move(index, -1)}>
                Move up
                <span className="wp-visually-hidden"> question {number}</span>
              </Button>
              <Button
                variant="ghost"
                size="sm"
                disabled={index === fields.length - 1}
                onClick={() => move(index, 1)}
              >
                Move down
                <span className="wp-visually-hidden"> question {number}</span>
              </Button>
              <Button
                variant="danger"
                size="sm"
                onClick={() => onChange(fields.filter((_, at) => at !== index))}
              >
                Remove
                <span className="wp-visually-hidden"> question {number}</span>
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div>
        <Button variant="secondary" onClick={() => onChange([...fields, emptyFieldDraft()])}>
          Add question
        </Button>
      </div>
    </div>
  );
}
