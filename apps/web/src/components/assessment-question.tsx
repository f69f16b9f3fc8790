/**
 * One assessment question as the person filling it in sees it: the title as the label or legend,
 * help and examples as hint text, the error next to the field, and the USWDS control its type
 * calls for (text input, textarea, radio group, checkbox group, yes/no radios, number, native date
 * picker, file upload). Read-only, it shows the answer as text. Used by the fill-in page and by the
 * template preview, so both show the same form. The template's texts are in the language chosen
 * around it (TemplateLanguageProvider); the app's own words stay English, marked so inside a
 * question shown in another language.
 */
import { useRef, useState, type ReactNode } from 'react';
import { Button, Checkbox, ErrorMessage, FileInput, Fieldset, FormGroup, Label, Radio, Textarea, TextInput, type FileInputRef } from '@trussworks/react-uswds';
import type { AnswerValue, Question } from '../api';
import { answerText, choiceDomId, choicesOf, questionDomId, t } from '../pages/assessments/assessment-labels';
import { englishIn, Localised, useShownLanguage } from './assessment-language';
import { describedBy } from './text-field';

export type AttachedFile = { id: string; name: string; href: string };

type Props = {
  question: Question;
  value: AnswerValue | undefined;
  /** `commit` = the person finished this change (a choice clicked, a field left): save soon. */
  onChange: (value: AnswerValue | null, commit: boolean) => void;
  onBlur?: () => void;
  error?: string | undefined;
  readOnly?: boolean;
  /** Under the field: who changed it last, comments. */
  footer?: ReactNode;
  /** For file questions: the files the answer holds and how to add one. */
  files?: readonly AttachedFile[];
  onUpload?: (file: File) => Promise<void>;
};

function RequiredMark() {
  const lang = useShownLanguage();
  return (
    <>
      {' '}
      <abbr title="required" lang={englishIn(lang)} className="usa-hint usa-hint--required">
        *
      </abbr>
    </>
  );
}

export function AssessmentQuestion({ question: q, value, onChange, onBlur, error, readOnly = false, footer, files = [], onUpload }: Props) {
  const lang = useShownLanguage();
  const en = englishIn(lang);
  const id = questionDomId(q.id);
  const help = t(q.help, lang);
  const examples = t(q.examples, lang);
  const hintId = help || examples ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  // As a string for accessible names; shown as <Localised> so a fallback is marked English.
  const title = t(q.title, lang);
  const titleText = <Localised text={q.title} />;
  const helpText = help && (
    <p className="margin-y-05">
      <Localised text={q.help} />
    </p>
  );
  const examplesText = examples && (
    <p className="margin-y-05">
      <span className="text-bold" lang={en}>
        For example:
      </span>{' '}
      <Localised text={q.examples} />
    </p>
  );
  const hint = hintId && (
    <div className="usa-hint gb-question__hint" id={hintId}>
      {helpText}
      {examplesText}
    </div>
  );
  const errorMessage = error && (
    <ErrorMessage id={errorId}>
      <span lang={en}>{error}</span>
    </ErrorMessage>
  );
  const wrapperClass = `gb-question${error ? ' gb-question--error' : ''}`;
  const shownFooter = footer && en ? <div lang={en}>{footer}</div> : footer;

  if (q.type === 'info') {
    return (
      <div className="gb-question gb-question--info usa-summary-box" role="note" aria-label={title}>
        <p className="usa-summary-box__heading margin-top-0">{titleText}</p>
        <div className="usa-summary-box__text gb-answer">
          {helpText}
          {examplesText}
        </div>
      </div>
    );
  }

  if (readOnly) {
    return (
      <div className={wrapperClass}>
        <p className="usa-label margin-top-0" id={id}>
          {titleText}
        </p>
        {hint}
        {q.type === 'file' ? <FileList files={files} empty="No files attached." /> : <p className="gb-answer">{answerText(q, value, undefined, lang)}</p>}
        {shownFooter}
      </div>
    );
  }

  const str = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  const list = Array.isArray(value) ? value : [];

  if (q.type === 'single_choice' || q.type === 'yes_no' || q.type === 'multiple_choice') {
    const multiple = q.type === 'multiple_choice';
    return (
      <div className={wrapperClass}>
        <Fieldset
          legend={
            <>
              {titleText}
              {q.required && <RequiredMark />}
            </>
          }
          legendStyle="default"
          aria-describedby={describedBy(hintId, errorId)}
          className={`usa-form-group margin-top-0${error ? ' usa-form-group--error' : ''}`}
        >
          {hint}
          {errorMessage}
          {choicesOf(q).map((choice) =>
            multiple ? (
              <Checkbox
                key={choice.value}
                id={choiceDomId(q.id, choice.value)}
                name={id}
                value={choice.value}
                label={<Localised text={choice.label} />}
                checked={list.includes(choice.value)}
                onChange={(event) => {
                  const next = event.target.checked ? [...list, choice.value] : list.filter((v) => v !== choice.value);
                  onChange(next.length > 0 ? next : null, true);
                }}
              />
            ) : (
              <Radio
                key={choice.value}
                id={choiceDomId(q.id, choice.value)}
                name={id}
                value={choice.value}
                label={<Localised text={choice.label} />}
                checked={str === choice.value}
                onChange={() => onChange(choice.value, true)}
              />
            ),
          )}
          {!multiple && str !== '' && !q.required && (
            <Button type="button" unstyled className="margin-top-1" lang={en} onClick={() => onChange(null, true)}>
              Clear the answer<span className="usa-sr-only"> to “{title}”</span>
            </Button>
          )}
        </Fieldset>
        {shownFooter}
      </div>
    );
  }

  if (q.type === 'file') {
    return (
      <div className={wrapperClass}>
        <FileQuestion id={id} title={title} titleText={titleText} required={Boolean(q.required)} hint={hint} hintId={hintId} error={error} files={files} onUpload={onUpload} />
        {shownFooter}
      </div>
    );
  }

  const label = (
    <Label htmlFor={id} error={Boolean(error)} className="margin-top-0">
      {titleText}
      {q.required && <RequiredMark />}
    </Label>
  );
  const common = {
    id,
    name: id,
    'aria-describedby': describedBy(hintId, errorId),
    'aria-invalid': error ? true : undefined,
    required: q.required,
    onBlur,
  };
  let control: ReactNode;
  if (q.type === 'long_text') {
    control = <Textarea {...common} value={str} maxLength={q.maxLength} error={Boolean(error)} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value, false)} />;
  } else if (q.type === 'number') {
    control = (
      <TextInput
        {...common}
        type="number"
        inputMode="decimal"
        min={q.min}
        max={q.max}
        value={str}
        validationStatus={error ? 'error' : undefined}
        className="usa-input--small"
        onChange={(event) => {
          const raw = event.target.value;
          const n = Number(raw);
          onChange(raw === '' || !Number.isFinite(n) ? null : n, false);
        }}
      />
    );
  } else if (q.type === 'date') {
    // The same USWDS input with the browser's own date picker, as the other forms use.
    control = (
      <input
        {...common}
        type="date"
        value={str}
        className={`usa-input usa-input--medium${error ? ' usa-input--error' : ''}`}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value, true)}
      />
    );
  } else {
    control = (
      <TextInput
        {...common}
        type="text"
        value={str}
        maxLength={q.maxLength}
        validationStatus={error ? 'error' : undefined}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value, false)}
      />
    );
  }
  return (
    <div className={wrapperClass}>
      <FormGroup error={Boolean(error)} className="margin-top-0">
        {label}
        {hint}
        {errorMessage}
        {control}
      </FormGroup>
      {shownFooter}
    </div>
  );
}

function FileList({ files, empty }: { files: readonly AttachedFile[]; empty: string }) {
  const lang = useShownLanguage();
  if (files.length === 0)
    return (
      <p className="margin-y-1" lang={englishIn(lang)}>
        {empty}
      </p>
    );
  return (
    <ul className="usa-list margin-y-1">
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.href} download={f.name} className="usa-link">
            {f.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

type FileProps = {
  id: string;
  title: string;
  titleText: ReactNode;
  required: boolean;
  hint: ReactNode;
  hintId: string | undefined;
  error: string | undefined;
  files: readonly AttachedFile[];
  onUpload: ((file: File) => Promise<void>) | undefined;
};

function FileQuestion({ id, title, titleText, required, hint, hintId, error, files, onUpload }: FileProps) {
  const en = englishIn(useShownLanguage());
  const inputId = `${id}-file`;
  const fileRef = useRef<FileInputRef>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const shownError = uploadError ?? error;
  const errorId = shownError ? `${id}-error` : undefined;

  const upload = async () => {
    if (!onUpload) return;
    if (!file) {
      setUploadError('Choose a file to upload.');
      return;
    }
    setBusy(true);
    setUploadError(null);
    try {
      await onUpload(file);
      setFile(null);
      fileRef.current?.clearFiles();
    } catch (e) {
      setUploadError(e instanceof Error ? e.message : 'The file could not be uploaded.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormGroup error={Boolean(shownError)} className="margin-top-0">
      <Label htmlFor={inputId} error={Boolean(shownError)} className="margin-top-0">
        {titleText}
        {required && <RequiredMark />}
      </Label>
      {hint}
      {shownError && (
        <ErrorMessage id={errorId}>
          <span lang={en}>{shownError}</span>
        </ErrorMessage>
      )}
      <FileList files={files} empty="No files attached yet." />
      {onUpload && (
        <>
          <FileInput
            id={inputId}
            name={inputId}
            ref={fileRef}
            aria-describedby={describedBy(hintId, errorId)}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <Button type="button" outline className="margin-top-1" lang={en} disabled={busy} onClick={() => void upload()}>
            {busy ? 'Uploading…' : 'Upload file'}
            <span className="usa-sr-only"> for “{title}”</span>
          </Button>
        </>
      )}
    </FormGroup>
  );
}
