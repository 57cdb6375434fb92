import { CheckboxField, TextAreaField } from '@warmpath/ui';
import { ChoicesFieldset } from './choices-fieldset.js';

/** Props of {@link RoutingPoolField}. */
export interface RoutingPoolFieldProps {
  /** Account ids in round-robin order. */
  pool: string[];
  onChange: (pool: string[]) => void;
  /** Staff who may own referrals, when the signed-in role may list them; otherwise ids are typed. */
  staff?: ReadonlyArray<{ value: string; label: string }> | undefined;
  error?: string | undefined;
}

const LEGEND = 'Share out among';

/**
 * The people the round robin shares referrals out among. Ticking adds a person at the end of the turn order and
 * unticking removes them; the others keep their place. Accounts in the pool that are not in the staff list
 * (disabled, or deleted) stay ticked until someone unticks them.
 */
export function RoutingPoolField({ pool, onChange, staff, error }: RoutingPoolFieldProps) {
  if (!staff) {
    return (
      <TextAreaField
        label={`${LEGEND} (staff user ids)`}
        hint="One id per line, in turn order."
        rows={3}
        value={pool.join('\n')}
        error={error}
        // Kept as typed (blank lines too) so the next line can be started; blanks are left out when sent.
        onChange={(event) => onChange(event.target.value.split('\n'))}
      />
    );
  }
  const unknown = pool.filter((id) => id.trim() !== '' && !staff.some((member) => member.value === id));
  const choices = [...staff, ...unknown.map((id) => ({ value: id, label: `Unknown account ${id}` }))];
  return (
    <ChoicesFieldset legend={LEGEND} error={error}>
      {choices.map((choice) => (
        <CheckboxField
          key={choice.value}
          label={choice.label}
          checked={pool.includes(choice.value)}
          onChange={(event) =>
            onChange(
              event.target.checked ? [...pool, choice.value] : pool.filter((id) => id !== choice.value),
            )
          }
        />
      ))}
    </ChoicesFieldset>
  );
}
