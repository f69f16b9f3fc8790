/**
 * The questionnaire as a form: checks every required question is answered, shows problems in an
 * error summary that links to each question (server field errors too), can "Check the result"
 * without saving anything (POST /classify), and hands the answers to the page to save.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, ButtonGroup, Form } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { classifyAnswers, type ClassificationResult, type ScreeningAnswers } from '../../api';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { formErrorsFrom } from '../../forms';
import { useOrganisation } from '../../session';
import { Questionnaire } from './questionnaire';
import { ResultView } from './result-view';
import { answersFromDraft, errorsByKey, fieldIdOf, missingAnswers, type Draft } from './screening-draft';

type Props = {
  initial: Draft;
  systemFacts: 'fixed' | 'elsewhere';
  submitLabel: string;
  cancelTo: string;
  /** Fields asked before the questionnaire (the product description of a quick screen), given the draft and the errors by key. */
  before?: (draft: Draft, setDraft: (draft: Draft) => void, errors: Readonly<Record<string, string>>) => ReactNode;
  /** Problems with the fields asked before, by key, with a message each; checked only when saving. */
  checkBefore?: (draft: Draft) => Record<string, string>;
  /** Extra field ids for keys of the fields asked before. */
  beforeFieldIds?: Readonly<Record<string, string>>;
  onSubmit: (answers: ScreeningAnswers, draft: Draft) => Promise<void>;
};

export function ScreeningForm({ initial, systemFacts, submitLabel, cancelTo, before, checkBefore, beforeFieldIds = {}, onSubmit }: Props) {
  const org = useOrganisation();
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState<'check' | 'save' | null>(null);
  const [preview, setPreview] = useState<ClassificationResult | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);

  const hasErrors = Boolean(errors.message) || Object.keys(errors.fields).length > 0;
  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [errors, hasErrors]);

  const change = (next: Draft) => {
    setDraft(next);
    // The checked result describes the answers as they were; it goes once they change.
    setPreview(null);
  };

  /** The answers, or null after showing what is missing. */
  const checked = (forSave: boolean): ScreeningAnswers | null => {
    const missing = { ...(forSave ? (checkBefore?.(draft) ?? {}) : {}), ...missingAnswers(draft) };
    if (Object.keys(missing).length > 0) {
      setErrors({ message: 'Answer every question before going on.', fields: missing });
      return null;
    }
    setErrors(noErrors);
    return answersFromDraft(draft);
  };

  const fail = (error: unknown) => {
    const e = formErrorsFrom(error);
    setErrors({ message: e.message, fields: errorsByKey(e.fields) });
  };

  const check = async () => {
    const answers = checked(false);
    if (!answers) return;
    setBusy('check');
    try {
      setPreview(await classifyAnswers(org.slug, answers));
      setBusy(null);
      requestAnimationFrame(() => previewRef.current?.focus());
    } catch (error) {
      fail(error);
      setBusy(null);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answers = checked(true);
    if (!answers) return;
    setBusy('save');
    try {
      await onSubmit(answers, draft);
    } catch (error) {
      fail(error);
      setBusy(null);
    }
  };

  const fieldIds: Record<string, string> = {};
  for (const key of Object.keys(errors.fields)) fieldIds[key] = beforeFieldIds[key] ?? fieldIdOf(key);

  return (
    <>
      <div ref={summaryRef} tabIndex={-1}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
      </div>
      <Form onSubmit={(ev) => void submit(ev)} noValidate large className="gb-screening-form">
        {before?.(draft, change, errors.fields)}
        <Questionnaire draft={draft} onChange={change} errors={errors.fields} systemFacts={systemFacts} />
        {preview && (
          <section aria-labelledby="preview-heading" className="gb-section">
            <h2 id="preview-heading" ref={previewRef} tabIndex={-1}>
              What these answers mean
            </h2>
            <p>Nothing has been saved yet.</p>
            <ResultView result={preview} level={3} />
          </section>
        )}
        <ButtonGroup className="margin-top-4">
          <Button type="button" outline disabled={busy !== null} onClick={() => void check()}>
            {busy === 'check' ? 'Checking…' : 'Check the result'}
          </Button>
          <Button type="submit" disabled={busy !== null}>
            {busy === 'save' ? 'Saving…' : submitLabel}
          </Button>
          <Link to={cancelTo} className="usa-button usa-button--unstyled padding-105">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </>
  );
}
