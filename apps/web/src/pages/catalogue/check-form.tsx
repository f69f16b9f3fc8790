/**
 * "Can I use…?": pick a tool, say what for and what information would go in, and get yes, no or
 * ask first with the reasons. Focus moves to the answer so it is read out straight away.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { checkToolUse, type CatalogueEntry, type DataKind, type ToolUseAnswer } from '../../api';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { RadioFieldset, radioId } from '../../components/radio-fieldset';
import { SelectField } from '../../components/select-field';
import { TextareaField } from '../../components/textarea-field';
import { formErrorsFrom } from '../../forms';
import { ANSWER_ALERT_TYPES, ANSWER_HEADINGS, DATA_KIND_DESCRIPTIONS, DATA_KIND_LABELS, STATUS_LABELS } from './catalogue-labels';

const DATA_KINDS: readonly DataKind[] = ['none_personal', 'anonymised', 'personal'];
const FIELD_IDS = { toolId: 'check-tool', use: 'check-use', data: radioId('check-data', 'none_personal') };

type Props = {
  org: string;
  tools: readonly CatalogueEntry[];
  /** Set from a tool's details ("Ask about this tool"); the form then selects it and takes focus. */
  preselect: { toolId: string; at: number } | null;
};

export function CheckForm({ org, tools, preselect }: Props) {
  const [toolId, setToolId] = useState('');
  const [use, setUse] = useState('');
  const [data, setData] = useState<DataKind | ''>('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ToolUseAnswer | null>(null);
  const answerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!preselect) return;
    setToolId(preselect.toolId);
    setAnswer(null);
    document.getElementById(FIELD_IDS.use)?.focus();
  }, [preselect]);

  useEffect(() => {
    if (answer) answerRef.current?.focus();
  }, [answer]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!toolId) fields['toolId'] = 'Choose the tool you want to use.';
    if (use.trim().length < 3) fields['use'] = 'Say in a few words what you want to use it for.';
    if (!data) fields['data'] = 'Choose what kind of information you would put into it.';
    if (Object.keys(fields).length > 0 || !data) {
      setAnswer(null);
      setErrors({ message: null, fields });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      setAnswer(await checkToolUse(org, { toolId, use: use.trim(), data }));
    } catch (error) {
      setAnswer(null);
      setErrors(formErrorsFrom(error));
    } finally {
      setBusy(false);
    }
  };

  const options = [
    { value: '', label: '- Choose a tool -' },
    ...tools.map((tool) => ({ value: tool.id, label: `${tool.name} (${STATUS_LABELS[tool.status].toLowerCase()})` })),
  ];

  return (
    <section aria-labelledby="check-heading" className="gb-panel">
      <h2 id="check-heading" className="margin-top-0">
        Can I use…?
      </h2>
      <p>Check whether a tool is approved for what you want to do, with the information you would put into it.</p>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate large aria-labelledby="check-heading">
        <SelectField id={FIELD_IDS.toolId} label="Tool" value={toolId} onChange={setToolId} options={options} error={errors.fields['toolId']} required />
        <TextareaField
          id={FIELD_IDS.use}
          label="What do you want to use it for?"
          hint="For example “drafting a newsletter about bin collections” or “summarising a complaint from a resident”."
          value={use}
          onChange={setUse}
          error={errors.fields['use']}
          maxLength={1000}
          rows={3}
          required
        />
        <RadioFieldset
          name="check-data"
          legend="What information would you put into it?"
          choices={DATA_KINDS.map((kind) => ({ value: kind, label: DATA_KIND_LABELS[kind], description: DATA_KIND_DESCRIPTIONS[kind] }))}
          value={data}
          onChange={setData}
          error={errors.fields['data']}
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Check'}
        </Button>
      </Form>

      {answer && (
        <div ref={answerRef} tabIndex={-1} className="margin-top-3" data-testid="check-answer">
          <Alert type={ANSWER_ALERT_TYPES[answer.answer]} headingLevel="h3" heading={ANSWER_HEADINGS[answer.answer](answer.tool.name)} validation className="margin-top-0">
            <ul className="usa-list margin-top-1">
              {answer.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
    </section>
  );
}
