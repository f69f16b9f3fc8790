/**
 * One concern: what the person reported, their contact details (for those who may answer), its
 * history, and the triage form: status, assignment, incident reference, the answer to the person
 * and internal notes, all saved together.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Form } from '@trussworks/react-uswds';
import { getConcern, listPeople, toApiError, updateConcern, type ConcernDetail, type ConcernStatus, type ConcernUpdate } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { TextField } from '../../components/text-field';
import { TextareaField } from '../../components/textarea-field';
import { ReadingGradeIndicator, readingLanguage } from '../register/reading-grade';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { CaseHistory } from './case-history';
import { CATEGORY_LABELS, CONCERN_NEXT, CONCERN_STATUS_LABELS, CONCERN_STATUS_TONES, LANGUAGE_NAMES } from './citizen-labels';

export function ConcernPage() {
  const org = useOrganisation();
  const { concernId = '' } = useParams();
  const concern = useApiData((signal) => getConcern(org.slug, concernId, signal), [org.slug, concernId]);
  return (
    <Page title={concern.data ? `Concern ${concern.data.reference}` : 'Concern'}>
      <p>
        <Link to="/concerns">Back to the concerns</Link>
      </p>
      {concern.error && <ApiErrorAlert error={concern.error} onRetry={concern.reload} />}
      {!concern.data && !concern.error && <p role="status">Loading…</p>}
      {concern.data && <ConcernView concern={concern.data} onSaved={(c) => concern.setData(c)} />}
    </Page>
  );
}

function ConcernView({ concern, onSaved }: { concern: ConcernDetail; onSaved: (c: ConcernDetail) => void }) {
  const me = useSession().user;
  const names = new Map<string, string>([[me.id, me.displayName]]);
  if (concern.assignee) names.set(concern.assignee.id, concern.assignee.name);
  return (
    <>
      <dl className="gb-dl gb-dl--meta">
        <dt>Status</dt>
        <dd>
          <StatusTag tone={CONCERN_STATUS_TONES[concern.status]}>{CONCERN_STATUS_LABELS[concern.status]}</StatusTag>
        </dd>
        <dt>Kind</dt>
        <dd>{CATEGORY_LABELS[concern.category]}</dd>
        <dt>AI system</dt>
        <dd>{concern.system ? <Link to={`/systems/${concern.system.slug}`}>{concern.system.name}</Link> : 'Not named by the person'}</dd>
        <dt>Received</dt>
        <dd>
          <DateTime value={concern.submittedAt} />
        </dd>
        <dt>Assigned to</dt>
        <dd>{concern.assignee?.name ?? 'Nobody'}</dd>
        {concern.incidentReference && (
          <>
            <dt>Incident</dt>
            <dd>{concern.incidentReference}</dd>
          </>
        )}
        <dt>Language</dt>
        <dd>{LANGUAGE_NAMES[concern.locale] ?? concern.locale}</dd>
      </dl>

      <h2>What the person reported</h2>
      <p className="gb-preserve-lines">{concern.description}</p>

      <h2>Contact</h2>
      {concern.contact === null ? (
        <p>Contact details are shown only to those who can answer the person.</p>
      ) : concern.contact.email || concern.contact.phone || concern.contact.name ? (
        <dl className="gb-dl gb-dl--meta">
          {concern.contact.name && (
            <>
              <dt>Name</dt>
              <dd>{concern.contact.name}</dd>
            </>
          )}
          {concern.contact.email && (
            <>
              <dt>Email</dt>
              <dd>{concern.contact.email}</dd>
            </>
          )}
          {concern.contact.phone && (
            <>
              <dt>Phone</dt>
              <dd>{concern.contact.phone}</dd>
            </>
          )}
        </dl>
      ) : (
        <p>The person left no contact details. They follow the concern with their private link, where your answer appears.</p>
      )}

      {concern.response && (
        <>
          <h2>Answer given</h2>
          <p className="gb-preserve-lines">{concern.response}</p>
        </>
      )}

      {concern.permissions.canHandle && <TriageForm concern={concern} onSaved={onSaved} />}
      <CaseHistory events={concern.events} statusLabel={(s) => CONCERN_STATUS_LABELS[s as ConcernStatus] ?? s} assigneeName={(id) => names.get(id) ?? 'a colleague'} />
    </>
  );
}

function TriageForm({ concern, onSaved }: { concern: ConcernDetail; onSaved: (c: ConcernDetail) => void }) {
  const org = useOrganisation();
  const me = useSession().user;
  const [status, setStatus] = useState<ConcernStatus | ''>('');
  const [assign, setAssign] = useState('');
  const people = useApiData((signal) => listPeople(org.slug, { role: 'admin,governance_officer,system_owner' }, signal), [org.slug]);
  const [incident, setIncident] = useState(concern.incidentReference ?? '');
  const [response, setResponse] = useState('');
  const [note, setNote] = useState('');
  const [closedReason, setClosedReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: ConcernUpdate = {};
    if (status) body.status = status;
    if (assign === 'nobody') body.assigneeId = null;
    else if (assign) body.assigneeId = assign;
    if (incident.trim() !== (concern.incidentReference ?? '')) body.incidentReference = incident.trim() || null;
    if (response.trim()) body.response = response;
    if (note.trim()) body.note = note;
    if (status === 'closed') body.closedReason = closedReason;
    if (Object.keys(body).length === 0) {
      setErrors({ message: 'Nothing to save: change the status, the assignment, or write an answer or a note.', fields: {} });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const updated = await updateConcern(org.slug, concern.id, body);
      setStatus('');
      setAssign('');
      setResponse('');
      setNote('');
      setClosedReason('');
      setSaved(body.response ? 'Saved. The answer was sent to the person.' : 'Saved.');
      onSaved(updated);
    } catch (err) {
      const e = toApiError(err);
      setErrors({ message: e.message, fields: e.fields });
      setSaved(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="triage-heading" className="margin-top-4">
      <h2 id="triage-heading">Handle this concern</h2>
      <StatusMessage message={saved} />
      <ErrorSummary errors={errors} fieldIds={{ status: 'triage-status', closedReason: 'triage-closed-reason', response: 'triage-response', note: 'triage-note', incidentReference: 'triage-incident' }} />
      <Form onSubmit={(e) => void submit(e)} large>
        <SelectField
          id="triage-status"
          label="Move to"
          value={status}
          onChange={(v) => setStatus(v as ConcernStatus | '')}
          error={errors.fields.status}
          options={[{ value: '', label: `Keep: ${CONCERN_STATUS_LABELS[concern.status]}` }, ...CONCERN_NEXT[concern.status].map((s) => ({ value: s, label: CONCERN_STATUS_LABELS[s] }))]}
        />
        {status === 'closed' && (
          <TextareaField id="triage-closed-reason" label="Why is it closed?" value={closedReason} onChange={setClosedReason} error={errors.fields.closedReason} required maxLength={2000} />
        )}
        <SelectField
          id="triage-assign"
          label="Assignment"
          value={assign}
          onChange={setAssign}
          error={errors.fields.assigneeId}
          options={[
            { value: '', label: `Keep: ${concern.assignee?.name ?? 'nobody'}` },
            { value: me.id, label: `Assign to me (${me.displayName})` },
            ...(people.data?.items ?? []).filter((p) => p.userId !== me.id).map((p) => ({ value: p.userId, label: `Assign to ${p.displayName}` })),
            { value: 'nobody', label: 'Unassign' },
          ]}
        />
        <TextField id="triage-incident" label="Incident reference" hint="Link the concern to an incident record, if there is one." value={incident} onChange={setIncident} error={errors.fields.incidentReference} />
        <TextareaField
          id="triage-response"
          label="Answer to the person"
          hint="Shown on the person’s private status page and emailed to them if they gave an address. Moves the concern to Responded."
          value={response}
          onChange={setResponse}
          error={errors.fields.response}
          maxLength={5000}
          rows={6}
        />
        <ReadingGradeIndicator id="triage-response-grade" text={response} lang={readingLanguage(concern.locale)} />
        <TextareaField id="triage-note" label="Internal note" hint="Only staff see it." value={note} onChange={setNote} error={errors.fields.note} maxLength={10000} />
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </Button>
      </Form>
    </section>
  );
}
