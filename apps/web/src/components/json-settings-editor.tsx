/**
 * An organisation setting edited as a JSON document (the tier policy, the assessment rules): the
 * text in a textarea, checked as JSON in the browser, then by the server, whose problems are listed
 * in the error summary above the form (each named by its path, and all pointing at the textarea);
 * optionally a reset to the default behind a confirmation.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, ButtonGroup, Form } from '@trussworks/react-uswds';
import { toApiError } from '../api';
import { ConfirmDialog } from './confirm-dialog';
import { ErrorSummary, noErrors, type FormErrors } from './error-summary';
import { TextareaField } from './textarea-field';
import { formErrorsFrom } from '../forms';

export type JsonSettingsReset = {
  /** The button, e.g. "Reset to the default policy". */
  label: string;
  title: string;
  confirmLabel: string;
  /** What resetting does, in the confirmation. */
  consequences: ReactNode;
  run: () => Promise<void>;
};

type Props = {
  /** The textarea's id, also the field every problem points at. */
  id: string;
  heading: string;
  label: string;
  hint: ReactNode;
  /** The document shown at first. */
  initial: unknown;
  /** How messages name the document, e.g. `{ name: 'The policy', plural: false }`. */
  subject: { name: string; plural: boolean };
  saveLabel: string;
  /** A check of the parsed JSON before it is sent, returning the problem or null. */
  check?: (parsed: unknown) => string | null;
  /** Sends the document; throws the API error when the server refuses it. */
  save: (parsed: unknown) => Promise<void>;
  /** Rewrites the server's field problems for display, e.g. prefixing each with its path. */
  showProblems?: (fields: Record<string, string>) => Record<string, string>;
  /** Offered when not null. */
  reset: JsonSettingsReset | null;
  /** Below the buttons, inside the form. */
  footer?: ReactNode;
};

export function JsonSettingsEditor({ id, heading, label, hint, initial, subject, saveLabel, check, save, showProblems, reset, footer }: Props) {
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetError, setResetError] = useState<string | null>(null);
  const headingId = `${id}-edit-heading`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'check the brackets and commas';
      setErrors({ message: null, fields: { [id]: `${subject.name} ${subject.plural ? 'are' : 'is'} not valid JSON: ${detail}.` } });
      return;
    }
    const problem = check?.(parsed) ?? null;
    if (problem !== null) {
      setErrors({ message: null, fields: { [id]: problem } });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await save(parsed);
    } catch (error) {
      const found = formErrorsFrom(error);
      setErrors(showProblems ? { message: found.message, fields: showProblems(found.fields) } : found);
    } finally {
      setBusy(false);
    }
  };

  const runReset = async () => {
    if (!reset) return;
    setBusy(true);
    setResetError(null);
    try {
      await reset.run();
      setConfirmReset(false);
    } catch (error) {
      setResetError(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const problems = Object.keys(errors.fields).length;
  const problemText =
    problems === 0
      ? undefined
      : problems === 1
        ? (Object.values(errors.fields)[0] ?? '')
        : `${subject.name} ${subject.plural ? 'have' : 'has'} ${problems} problems, listed above.`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ErrorSummary errors={errors} fieldIds={Object.fromEntries(Object.keys(errors.fields).map((field) => [field, id]))} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate className="maxw-full">
        <TextareaField id={id} label={label} hint={hint} value={text} onChange={setText} error={problemText} rows={24} />
        <ButtonGroup>
          <Button type="submit" disabled={busy}>
            {busy ? 'Saving…' : saveLabel}
          </Button>
          {reset && (
            <Button
              type="button"
              outline
              disabled={busy}
              onClick={() => {
                setResetError(null);
                setConfirmReset(true);
              }}
            >
              {reset.label}
            </Button>
          )}
        </ButtonGroup>
        {footer}
      </Form>
      {reset && confirmReset && (
        <ConfirmDialog
          title={reset.title}
          confirmLabel={reset.confirmLabel}
          onConfirm={() => void runReset()}
          onCancel={() => setConfirmReset(false)}
          busy={busy}
          error={resetError}
        >
          {reset.consequences}
        </ConfirmDialog>
      )}
    </section>
  );
}
