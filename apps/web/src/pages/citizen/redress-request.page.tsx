/**
 * One redress request: what the person asked, their contact details (for those who may answer),
 * the deadline, the history, and the actions: assign, start, record the decision (sent to the
 * person), close or reopen, internal notes. When the person gave a postal address, the answer
 * letter to print and post.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Form } from '@trussworks/react-uswds';
import { getRedressRequest, listPeople, redressLetterUrl, toApiError, updateRedressRequest, type RedressDetail, type RedressOutcome, type RedressStatus, type RedressUpdate } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { TextareaField } from '../../components/textarea-field';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { CaseHistory } from './case-history';
import { KIND_LABELS, LANGUAGE_NAMES, OUTCOME_LABELS, REDRESS_STATUS_LABELS, timeLeftText } from './citizen-labels';

export function RedressRequestPage() {
  const org = useOrganisation();
  const { requestId = '' } = useParams();
  const request = useApiData((signal) => getRedressRequest(org.slug, requestId, signal), [org.slug, requestId]);
  return (
    <Page title={request.data ? `Request ${request.data.reference}` : 'Redress request'}>
      <p>
        <Link to="/redress">Back to the redress requests</Link>
      </p>
      {request.error && <ApiErrorAlert error={request.error} onRetry={request.reload} />}
      {!request.data && !request.error && <p role="status">Loading…</p>}
      {request.data && <RequestView request={request.data} onSaved={(r) => request.setData(r)} />}
    </Page>
  );
}

const isOpen = (s: RedressStatus) => s === 'received' || s === 'in_progress';

function RequestView({ request, onSaved }: { request: RedressDetail; onSaved: (r: RedressDetail) => void }) {
  const me = useSession().user;
  const names = new Map<string, string>([[me.id, me.displayName]]);
  if (request.assignee) names.set(request.assignee.id, request.assignee.name);
  return (
    <>
      <dl className="gb-dl gb-dl--meta">
        <dt>Type</dt>
        <dd>{KIND_LABELS[request.kind]}</dd>
        <dt>Status</dt>
        <dd>
          {REDRESS_STATUS_LABELS[request.status]}
          {request.outcome && <> · {OUTCOME_LABELS[request.outcome]}</>}
        </dd>
        <dt>Deadline</dt>
        <dd>
          <DateTime value={request.dueAt} dateOnly />{' '}
          {isOpen(request.status) && <StatusTag tone={request.overdue ? 'error' : 'info'}>{timeLeftText(request.daysLeft, request.overdue)}</StatusTag>}
          {request.escalatedAt && (
            <>
              {' '}
              (escalated <DateTime value={request.escalatedAt} />)
            </>
          )}
        </dd>
        <dt>AI system</dt>
        <dd>
          <Link to={`/systems/${request.system.slug}`}>{request.system.name}</Link>
        </dd>
        <dt>Decision reference</dt>
        <dd>{request.decisionReference ?? 'Not given'}</dd>
        <dt>Received</dt>
        <dd>
          <DateTime value={request.submittedAt} />
        </dd>
        <dt>Assigned to</dt>
        <dd>{request.assignee?.name ?? 'Nobody'}</dd>
        <dt>Language</dt>
        <dd>{LANGUAGE_NAMES[request.locale] ?? request.locale}</dd>
      </dl>
      <h2>What the person asked</h2>
      <p className="gb-preserve-lines">{request.description}</p>
      <h2>Where to answer</h2>
      {request.contact === null ? (
        <p>Contact details are shown only to those who can answer the person.</p>
      ) : (
        <dl className="gb-dl gb-dl--meta">
          <dt>Name</dt>
          <dd>{request.contact.name}</dd>
          {request.contact.email && (
            <>
              <dt>Email</dt>
              <dd>{request.contact.email}</dd>
            </>
          )}
          {request.contact.postalAddress && (
            <>
              <dt>Postal address</dt>
              <dd className="gb-preserve-lines">{request.contact.postalAddress}</dd>
            </>
          )}
        </dl>
      )}
      {request.outcomeText && (
        <>
          <h2>Decision sent</h2>
          <p className="gb-preserve-lines">{request.outcomeText}</p>
          {request.outcome && request.contact?.postalAddress && <LetterLinks request={request} />}
        </>
      )}
      {request.permissions.canHandle && <HandleForm request={request} onSaved={onSaved} />}
      <CaseHistory events={request.events} statusLabel={(s) => REDRESS_STATUS_LABELS[s as RedressStatus] ?? s} assigneeName={(id) => names.get(id) ?? 'a colleague'} />
    </>
  );
}

/** The answer as a letter, in the person's language, for those who gave a postal address. */
function LetterLinks({ request }: { request: RedressDetail }) {
  const org = useOrganisation();
  const inLang = <span className="usa-sr-only"> in {LANGUAGE_NAMES[request.locale] ?? request.locale}</span>;
  return (
    <section aria-labelledby="letter-heading">
      <h3 id="letter-heading">Letter to post</h3>
      <p>{request.contact?.email ? 'The decision was emailed to the person. They also gave a postal address: print this letter to send it by post.' : 'The person gave no email address: print this letter and send it to their postal address.'}</p>
      <ul className="usa-list">
        <li>
          <a href={redressLetterUrl(org.slug, request.id, 'pdf')} hrefLang={request.locale} className="usa-link" download>
            Letter as PDF{inLang}
          </a>
        </li>
        <li>
          <a href={redressLetterUrl(org.slug, request.id, 'html')} hrefLang={request.locale} className="usa-link" target="_blank" rel="noopener noreferrer">
            Printable letter (HTML){inLang}
            <span className="usa-sr-only">, opens in a new tab</span>
          </a>
        </li>
      </ul>
    </section>
  );
}

const NEXT: Record<RedressStatus, readonly RedressStatus[]> = {
  received: ['in_progress', 'closed'],
  in_progress: ['closed'],
  decided: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

function HandleForm({ request, onSaved }: { request: RedressDetail; onSaved: (r: RedressDetail) => void }) {
  const org = useOrganisation();
  const me = useSession().user;
  const [status, setStatus] = useState<RedressStatus | ''>('');
  const [assign, setAssign] = useState('');
  const people = useApiData((signal) => listPeople(org.slug, { role: 'admin,governance_officer,system_owner' }, signal), [org.slug]);
  const [outcome, setOutcome] = useState<RedressOutcome | ''>('');
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: RedressUpdate = {};
    if (status) body.status = status;
    if (assign === 'nobody') body.assigneeId = null;
    else if (assign) body.assigneeId = assign;
    if (note.trim()) body.note = note;
    if (outcome || decision.trim()) {
      if (!outcome) {
        setErrors({ message: 'Choose the outcome of the decision.', fields: { 'decision.outcome': 'Choose an outcome.' } });
        return;
      }
      body.decision = { outcome, text: decision };
    }
    if (Object.keys(body).length === 0) {
      setErrors({ message: 'Nothing to save: change the status or the assignment, record a decision or write a note.', fields: {} });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const updated = await updateRedressRequest(org.slug, request.id, body);
      setStatus('');
      setAssign('');
      setOutcome('');
      setDecision('');
      setNote('');
      setSaved(body.decision ? 'Saved. The decision was sent to the person.' : 'Saved.');
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
    <section aria-labelledby="handle-heading" className="margin-top-4">
      <h2 id="handle-heading">Handle this request</h2>
      <StatusMessage message={saved} />
      <ErrorSummary errors={errors} fieldIds={{ status: 'handle-status', 'decision.outcome': 'handle-outcome', 'decision.text': 'handle-decision', note: 'handle-note' }} />
      <Form onSubmit={(e) => void submit(e)} large>
        <SelectField
          id="handle-assign"
          label="Assignment"
          value={assign}
          onChange={setAssign}
          error={errors.fields.assigneeId}
          options={[
            { value: '', label: `Keep: ${request.assignee?.name ?? 'nobody'}` },
            { value: me.id, label: `Assign to me (${me.displayName})` },
            ...(people.data?.items ?? []).filter((p) => p.userId !== me.id).map((p) => ({ value: p.userId, label: `Assign to ${p.displayName}` })),
            { value: 'nobody', label: 'Unassign' },
          ]}
        />
        <SelectField
          id="handle-status"
          label="Move to"
          value={status}
          onChange={(v) => setStatus(v as RedressStatus | '')}
          error={errors.fields.status}
          options={[{ value: '', label: `Keep: ${REDRESS_STATUS_LABELS[request.status]}` }, ...NEXT[request.status].map((s) => ({ value: s, label: REDRESS_STATUS_LABELS[s] }))]}
        />
        {isOpen(request.status) && (
          <fieldset className="usa-fieldset margin-top-3">
            <legend className="usa-legend usa-legend--large">Decision</legend>
            <SelectField
              id="handle-outcome"
              label="Outcome"
              value={outcome}
              onChange={(v) => setOutcome(v as RedressOutcome | '')}
              error={errors.fields['decision.outcome']}
              options={[{ value: '', label: 'No decision yet' }, ...(Object.keys(OUTCOME_LABELS) as RedressOutcome[]).map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))]}
            />
            <TextareaField
              id="handle-decision"
              label="Answer to the person"
              hint="Explain the decision in plain words: what a person looked at, what they decided and why, and what the person can do next. It is sent to them and shown on their status page."
              value={decision}
              onChange={setDecision}
              error={errors.fields['decision.text']}
              maxLength={10000}
              rows={8}
            />
          </fieldset>
        )}
        <TextareaField id="handle-note" label="Internal note" hint="Only staff see it." value={note} onChange={setNote} error={errors.fields.note} maxLength={10000} />
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </Button>
      </Form>
    </section>
  );
}
