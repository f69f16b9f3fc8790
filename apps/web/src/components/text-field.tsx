/** A labelled USWDS text input with its hint and error linked through aria-describedby. */
import type { ChangeEvent, ReactNode } from 'react';
import { ErrorMessage, FormGroup, Label, TextInput } from '@trussworks/react-uswds';

type TextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'date';
  error?: string | undefined;
  hint?: ReactNode;
  autoComplete?: string;
  required?: boolean;
  min?: string;
  readOnly?: boolean;
  className?: string;
};

export const describedBy = (...ids: (string | false | undefined)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;

export function TextField({ id, label, value, onChange, type = 'text', error, hint, autoComplete, required, min, readOnly, className }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    name: id,
    value,
    onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value),
    'aria-describedby': describedBy(hintId, errorId),
    'aria-invalid': error ? true : undefined,
    autoComplete,
    required,
    readOnly,
  };
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
      {type === 'date' ? (
        // TextInput has no date type; this is the same USWDS input with the native date picker.
        <input {...common} type="date" min={min} className={`usa-input${error ? ' usa-input--error' : ''}`} />
      ) : (
        <TextInput {...common} type={type} validationStatus={error ? 'error' : undefined} />
      )}
    </FormGroup>
  );
}
