/**
 * A short list of words typed one at a time (data categories, tags): a labelled text input with an
 * Add button, the entries so far as a list with a Remove button each, and a polite announcement of
 * every change. Fully controlled, including the half-typed entry, so a form can keep what is still
 * in the box when it is submitted (see `withDraft`). Enter adds; commas separate several at once.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button, ErrorMessage, FormGroup, Label, TextInput } from '@trussworks/react-uswds';
import { describedBy } from './text-field';

type Props = {
  id: string;
  label: string;
  /** What one entry is called, for the buttons: "data category", "tag". */
  itemName: string;
  values: readonly string[];
  draft: string;
  onChange: (values: string[]) => void;
  onDraft: (draft: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  maxLength?: number;
};

const split = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** The values with whatever is still typed in the box added, without duplicates (ignoring case). */
export function withDraft(values: readonly string[], draft: string): string[] {
  const out = [...values];
  for (const entry of split(draft)) if (!out.some((v) => v.toLowerCase() === entry.toLowerCase())) out.push(entry);
  return out;
}

export function ListInput({ id, label, itemName, values, draft, onChange, onDraft, error, hint, maxLength }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  const add = () => {
    const entries = split(draft);
    if (entries.length === 0) return;
    const next = withDraft(values, draft);
    onChange(next);
    onDraft('');
    setAnnouncement(`Added ${entries.join(', ')}. ${next.length} in the list.`);
    inputRef.current?.focus();
  };

  const remove = (value: string) => {
    const next = values.filter((v) => v !== value);
    onChange(next);
    setAnnouncement(`Removed ${value}. ${next.length} in the list.`);
    // The button that had focus is gone; the text box is the natural place to carry on.
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    // Enter adds the entry rather than submitting the whole form.
    event.preventDefault();
    add();
  };

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
      <div className="gb-list-input">
        <TextInput
          id={id}
          name={id}
          type="text"
          inputRef={inputRef}
          value={draft}
          onChange={(event) => onDraft(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={describedBy(hintId, errorId)}
          aria-invalid={error ? true : undefined}
          validationStatus={error ? 'error' : undefined}
          maxLength={maxLength}
          autoComplete="off"
        />
        <Button type="button" outline onClick={add}>
          Add<span className="usa-sr-only"> {itemName}</span>
        </Button>
      </div>
      {values.length > 0 && (
        <ul className="gb-list-input__items" aria-label={`${label}: ${values.length} added`}>
          {values.map((value) => (
            <li key={value}>
              <span>{value}</span>
              <Button type="button" unstyled className="gb-danger-link" onClick={() => remove(value)}>
                Remove<span className="usa-sr-only"> {itemName} {value}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <span role="status" className="usa-sr-only">
        {announcement}
      </span>
    </FormGroup>
  );
}
