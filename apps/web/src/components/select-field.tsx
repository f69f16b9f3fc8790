/** A labelled USWDS select with its hint and error linked through aria-describedby. */
import type { ReactNode } from 'react';
import { ErrorMessage, FormGroup, Label, Select } from '@trussworks/react-uswds';
import { describedBy } from './text-field';

export type SelectOption = { value: string; label: string };

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
};

export function SelectField({ id, label, value, onChange, options, error, hint, required, className }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={Boolean(error)} className={className}>
      <Label htmlFor={id} error={Boolean(error)}>
        {label}
      </Label>
      {hint && (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <Select
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        validationStatus={error ? 'error' : undefined}
        required={required}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </FormGroup>
  );
}
