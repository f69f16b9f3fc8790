/** A labelled USWDS textarea with its hint and error linked through aria-describedby. */
import type { ReactNode } from 'react';
import { ErrorMessage, FormGroup, Label, Textarea } from '@trussworks/react-uswds';
import { describedBy } from './text-field';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  maxLength?: number;
  rows?: number;
};

export function TextareaField({ id, label, value, onChange, error, hint, required, maxLength, rows = 4 }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id} error={Boolean(error)}>
        {label}
      </Label>
      {hint && (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <Textarea
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        error={Boolean(error)}
        required={required}
        maxLength={maxLength}
        rows={rows}
      />
    </FormGroup>
  );
}
