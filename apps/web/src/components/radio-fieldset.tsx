/**
 * One question answered with radio buttons: a fieldset whose legend is the question, an optional
 * hint and error (linked to the fieldset), and a description under each choice. Radio ids are
 * `${name}-${value}`, so an error summary can link to the first choice.
 */
import type { ReactNode } from 'react';
import { ErrorMessage, Fieldset, Radio } from '@trussworks/react-uswds';
import { describedBy } from './text-field';

export type RadioChoice<T extends string> = { value: T; label: string; description?: ReactNode };

type Props<T extends string> = {
  name: string;
  legend: string;
  choices: readonly RadioChoice<T>[];
  value: T | '';
  onChange: (value: T) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
};

export const radioId = (name: string, value: string): string => `${name}-${value}`;

export function RadioFieldset<T extends string>({ name, legend, choices, value, onChange, error, hint, required }: Props<T>) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <Fieldset
      legend={legend}
      aria-describedby={describedBy(hintId, errorId)}
      className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}
    >
      {hint && (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {choices.map((choice) => (
        <Radio
          key={choice.value}
          id={radioId(name, choice.value)}
          name={name}
          value={choice.value}
          label={choice.label}
          labelDescription={choice.description}
          checked={value === choice.value}
          onChange={() => onChange(choice.value)}
          required={required}
        />
      ))}
    </Fieldset>
  );
}
