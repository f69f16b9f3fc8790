/** A checkbox per role, as a fieldset whose legend says what the roles are for. */
import { Checkbox, ErrorMessage, Fieldset } from '@trussworks/react-uswds';
import { ROLES } from '../api';
import { ROLE_LABELS } from '../roles';

type Props = {
  idPrefix: string;
  legend: string;
  value: readonly string[];
  onChange: (roles: string[]) => void;
  error?: string | undefined;
  srOnlyLegend?: boolean;
};

export function RolesFieldset({ idPrefix, legend, value, onChange, error, srOnlyLegend = false }: Props) {
  const errorId = `${idPrefix}-error`;
  const toggle = (role: string, checked: boolean) => {
    // Keep the canonical order so the payload and the table read the same way.
    const next = new Set(value);
    if (checked) next.add(role);
    else next.delete(role);
    onChange(ROLES.filter((r) => next.has(r)));
  };
  return (
    <Fieldset
      id={idPrefix}
      legend={legend}
      legendStyle={srOnlyLegend ? 'srOnly' : 'default'}
      aria-describedby={error ? errorId : undefined}
      className={error ? 'usa-form-group usa-form-group--error' : undefined}
    >
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {ROLES.map((role) => (
        <Checkbox
          key={role}
          id={`${idPrefix}-${role}`}
          name={idPrefix}
          value={role}
          label={ROLE_LABELS[role]}
          checked={value.includes(role)}
          onChange={(event) => toggle(role, event.target.checked)}
        />
      ))}
    </Fieldset>
  );
}
