/**
 * Open a consultation: on which public AI system, its title and introduction, the guiding
 * questions, and the days it opens and closes (from the start of the first day to the end of the
 * last, in the browser's time zone).
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Form } from '@trussworks/react-uswds';
import { createConsultation, listSystems, toApiError } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { ListInput, withDraft } from '../../components/list-input';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { TextareaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { ReadingGradeIndicator } from '../register/reading-grade';

const dayStart = (date: string): string => (date ? new Date(`${date}T00:00:00`).toISOString() : '');
const dayEnd = (date: string): string => (date ? new Date(`${date}T23:59:59`).toISOString() : '');

export function NewConsultationPage() {
  const org = useOrganisation();
  const navigate = useNavigate();
  const systems = useApiData((signal) => listSystems(org.slug, { publicVisibility: 'public', limit: 1000, offset: 0 }, signal), [org.slug]);
  const [systemId, setSystemId] = useState('');
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [questions, setQuestions] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [opens, setOpens] = useState('');
  const [closes, setCloses] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await createConsultation(org.slug, { systemId, title, intro, questions: withDraft(questions, draft), opensAt: dayStart(opens), closesAt: dayEnd(closes) });
      void navigate(`/consultations/${created.id}`, { state: { notice: 'Consultation saved. It opens to the public on its opening day.' } });
    } catch (err) {
      const e = toApiError(err);
      setErrors({ message: e.message, fields: e.fields });
      setBusy(false);
    }
  };

  return (
    <Page title="Open a consultation">
      <p>
        <Link to="/consultations" className="usa-link">
          Back to consultations
        </Link>
      </p>
      <p className="usa-intro">Only systems shown to the public can be consulted on. Until the opening day you can still change everything.</p>
      {systems.error && <ApiErrorAlert error={systems.error} onRetry={systems.reload} />}
      <ErrorSummary errors={errors} fieldIds={{ opensAt: 'opens', closesAt: 'closes' }} />
      <Form onSubmit={(e) => void submit(e)} large>
        <SelectField
          id="systemId"
          label="AI system"
          value={systemId}
          onChange={setSystemId}
          error={errors.fields.systemId}
          required
          options={[{ value: '', label: '- Choose a system -' }, ...(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
        />
        <TextField id="title" label="Title" value={title} onChange={setTitle} error={errors.fields.title} required />
        <TextareaField id="intro" label="Introduction" hint="What is proposed, why, and what people’s comments will change. Plain words." value={intro} onChange={setIntro} error={errors.fields.intro} required rows={8} />
        <ReadingGradeIndicator id="intro-grade" text={intro} lang="en" />
        <ListInput
          id="questions"
          label="Guiding questions (optional)"
          itemName="question"
          hint="Up to 10 questions people may answer."
          values={questions}
          draft={draft}
          onChange={setQuestions}
          onDraft={setDraft}
          error={errors.fields.questions}
          maxLength={500}
        />
        <TextField id="opens" type="date" label="Opens on" value={opens} onChange={setOpens} error={errors.fields.opensAt} required />
        <TextField id="closes" type="date" label="Closes at the end of" value={closes} onChange={setCloses} error={errors.fields.closesAt} required />
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save consultation'}
        </Button>
      </Form>
    </Page>
  );
}
