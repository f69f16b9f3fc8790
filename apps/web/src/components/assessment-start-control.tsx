/**
 * "Start another assessment": any published template about the given subject (a built-in or the
 * organisation's own, e.g. an imported Canadian AIA) that the rules do not call for, as long as
 * nothing was started on its key yet (an open one is continued, an approved one reassessed; the
 * server answers 409 otherwise). Used on a system's assessments page and on the organisation's
 * assessments list.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { useNavigate } from 'react-router';
import { toApiError, type AssessmentDetail, type AssessmentSummary, type AssessmentTemplateSummary } from '../api';
import { SelectField } from './select-field';

/** The templates a new assessment can start on: in use for their key, published, about the subject, and with no assessment of that key yet. */
export function startableTemplates(
  templates: readonly AssessmentTemplateSummary[],
  subject: 'system' | 'organisation',
  existing: readonly Pick<AssessmentSummary, 'templateKey'>[],
  exclude: readonly string[] = [],
): AssessmentTemplateSummary[] {
  const taken = new Set([...existing.map((a) => a.templateKey), ...exclude]);
  return templates
    .filter((tpl) => tpl.subject === subject && tpl.inUse && !tpl.archivedAt && tpl.latestPublished !== null && !taken.has(tpl.key))
    .sort((a, b) => a.title.localeCompare(b.title));
}

type Props = {
  id: string;
  templates: readonly AssessmentTemplateSummary[];
  start: (templateKey: string) => Promise<AssessmentDetail>;
  /** Said when there is nothing left to start. */
  none: string;
};

export function AssessmentStartControl({ id, templates, start, none }: Props) {
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (templates.length === 0) return <p>{none}</p>;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = templates.find((tpl) => tpl.key === key);
    if (!chosen) {
      setError('Choose the assessment to start.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await start(chosen.key);
      void navigate(`/assessments/${created.id}`, { state: { notice: `“${chosen.title}” started. Answers are saved as you type.` } });
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={(e) => void onSubmit(e)} noValidate>
      <SelectField
        id={id}
        label="Assessment template"
        hint="Published templates, built-in or your organisation’s own, that have not been started here yet."
        value={key}
        onChange={(value) => {
          setKey(value);
          setError(null);
        }}
        error={error && !key ? error : undefined}
        options={[{ value: '', label: '- Select -' }, ...templates.map((tpl) => ({ value: tpl.key, label: `${tpl.title}${tpl.builtin ? '' : ' (your organisation’s)'}` }))]}
      />
      {error && key && (
        <Alert type="error" headingLevel="h3" slim role="alert">
          {error}
        </Alert>
      )}
      <Button type="submit" disabled={busy}>
        {busy ? 'Starting…' : 'Start the assessment'}
      </Button>
    </Form>
  );
}
