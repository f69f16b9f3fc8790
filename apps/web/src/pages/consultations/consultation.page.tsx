/**
 * One consultation: what the public reads, the comments with their moderation state (approve, or
 * do not publish with a reason), and, once it has closed, the response summary shown on the public
 * page. Names are shown publicly only when the person gave one and agreed.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Button, ButtonGroup, Form } from '@trussworks/react-uswds';
import {
  getConsultation,
  listConsultationComments,
  moderateConsultationComment,
  publishConsultationSummary,
  toApiError,
  updateConsultation,
  type CommentStatus,
  type Consultation,
  type ConsultationComment,
} from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { TextareaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { ListInput, withDraft } from '../../components/list-input';
import { noticeFrom } from '../../forms';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { ReadingGradeIndicator } from '../register/reading-grade';
import { COMMENT_STATUS_LABELS, COMMENT_STATUS_TONES, STATE_LABELS, STATE_TONES } from './consultation-labels';

export function ConsultationPage() {
  const org = useOrganisation();
  const { consultationId = '' } = useParams();
  const location = useLocation();
  const consultation = useApiData((signal) => getConsultation(org.slug, consultationId, signal), [org.slug, consultationId]);
  const [filter, setFilter] = useState<CommentStatus | ''>('pending');
  const comments = useApiData((signal) => listConsultationComments(org.slug, consultationId, { status: filter || undefined, limit: 200, offset: 0 }, signal), [org.slug, consultationId, filter]);
  const [message, setMessage] = useState<string | null>(noticeFrom(location.state));
  const c = consultation.data;

  const changed = (text: string) => {
    setMessage(text);
    comments.reload();
    consultation.reload();
  };

  return (
    <Page title={c ? c.title : 'Consultation'}>
      <p>
        <Link to="/consultations" className="usa-link">
          Back to consultations
        </Link>
      </p>
      <StatusMessage message={message} />
      {consultation.error && <ApiErrorAlert error={consultation.error} onRetry={consultation.reload} />}
      {c && (
        <>
          <dl className="gb-dl">
            <dt>AI system</dt>
            <dd>
              <Link to={`/systems/${c.system.id}`}>{c.system.name}</Link>
            </dd>
            <dt>State</dt>
            <dd>
              <StatusTag tone={STATE_TONES[c.state]}>{STATE_LABELS[c.state]}</StatusTag>
            </dd>
            <dt>Comment period</dt>
            <dd>
              <DateTime value={c.opensAt} /> to <DateTime value={c.closesAt} />
            </dd>
            <dt>Comments</dt>
            <dd>
              {c.comments.pending} waiting, {c.comments.approved} published, {c.comments.rejected} not published
            </dd>
          </dl>
          <p>
            <a className="usa-link" href={`/${org.slug}/consultations/${c.id}`}>
              See the public page
            </a>
          </p>
          {c.state === 'scheduled' && c.permissions.canManage && <EditForm consultation={c} onSaved={(next) => { consultation.setData(next); setMessage('Consultation saved.'); }} />}
          <h2>Introduction</h2>
          <p className="gb-preserve-lines">{c.intro}</p>
          {c.questions.length > 0 && (
            <>
              <h2>Guiding questions</h2>
              <ol className="usa-list">
                {c.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ol>
            </>
          )}

          <h2>Comments</h2>
          <SelectField
            id="comment-filter"
            label="Show"
            value={filter}
            onChange={(v) => setFilter(v as CommentStatus | '')}
            options={[{ value: '', label: 'All comments' }, ...(Object.keys(COMMENT_STATUS_LABELS) as CommentStatus[]).map((s) => ({ value: s, label: COMMENT_STATUS_LABELS[s] }))]}
          />
          {comments.error && <ApiErrorAlert error={comments.error} onRetry={comments.reload} />}
          {comments.data && comments.data.items.length === 0 && <p>No comments to show.</p>}
          {comments.data && comments.data.items.length > 0 && (
            <ul className="usa-list usa-list--unstyled">
              {comments.data.items.map((k) => (
                <CommentCard key={k.id} consultation={c} comment={k} onChanged={changed} />
              ))}
            </ul>
          )}

          {c.state === 'closed' && c.permissions.canManage && <SummaryForm consultation={c} onSaved={(next) => { consultation.setData(next); setMessage('Response published on the public page.'); }} />}
          {c.state !== 'closed' && <p className="gb-muted">Once the consultation closes, you can publish a summary of what you heard and what you will do.</p>}
          {c.state === 'closed' && !c.permissions.canManage && c.summary && (
            <>
              <h2>Response</h2>
              <p className="gb-preserve-lines">{c.summary}</p>
            </>
          )}
        </>
      )}
    </Page>
  );
}

function CommentCard({ consultation, comment, onChanged }: { consultation: Consultation; comment: ConsultationComment; onChanged: (message: string) => void }) {
  const org = useOrganisation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const who = comment.name ? `${comment.name}${comment.showName ? ' (agreed to show the name)' : ' (name not to be shown)'}` : 'No name given';
  const headingId = `comment-${comment.id}`;

  const decide = async (status: CommentStatus, event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    try {
      await moderateConsultationComment(org.slug, consultation.id, comment.id, { status, ...(status === 'rejected' && { reason }) });
      setErrors(noErrors);
      onChanged(status === 'approved' ? 'Comment published.' : status === 'rejected' ? 'Comment not published.' : 'Comment back in the moderation queue.');
    } catch (err) {
      const e = toApiError(err);
      setErrors({ message: e.message, fields: e.fields });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="border-1px border-base-lighter padding-2 margin-bottom-2" aria-labelledby={headingId}>
      <h3 id={headingId} className="margin-top-0">
        {who}
      </h3>
      <p>
        <StatusTag tone={COMMENT_STATUS_TONES[comment.status]}>{COMMENT_STATUS_LABELS[comment.status]}</StatusTag> Sent <DateTime value={comment.submittedAt} /> ({comment.locale})
      </p>
      <p className="gb-preserve-lines">{comment.comment}</p>
      {consultation.questions.map((q, i) =>
        comment.answers[i] ? (
          <div key={q}>
            <p className="text-bold margin-bottom-0">{q}</p>
            <p className="gb-preserve-lines margin-top-05">{comment.answers[i]}</p>
          </div>
        ) : null,
      )}
      {comment.status === 'rejected' && comment.moderationReason && <p>Reason: {comment.moderationReason}</p>}
      {comment.moderatedBy && (
        <p className="gb-muted">
          Moderated by {comment.moderatedBy} on <DateTime value={comment.moderatedAt} />
        </p>
      )}
      {consultation.permissions.canManage && (
        <>
          <ErrorSummary errors={errors} fieldIds={{ reason: `reason-${comment.id}` }} />
          {!rejecting && (
            <ButtonGroup>
              {comment.status !== 'approved' && (
                <Button type="button" disabled={busy} onClick={() => void decide('approved')}>
                  Publish
                </Button>
              )}
              {comment.status !== 'rejected' && (
                <Button type="button" outline disabled={busy} onClick={() => setRejecting(true)}>
                  Do not publish…
                </Button>
              )}
              {comment.status !== 'pending' && (
                <Button type="button" unstyled disabled={busy} onClick={() => void decide('pending')}>
                  Back to waiting
                </Button>
              )}
            </ButtonGroup>
          )}
          {rejecting && (
            <Form onSubmit={(e) => void decide('rejected', e)}>
              <TextField id={`reason-${comment.id}`} label="Why it is not published (kept for the record, not shown)" value={reason} onChange={setReason} error={errors.fields.reason} required />
              <ButtonGroup>
                <Button type="submit" disabled={busy}>
                  Do not publish
                </Button>
                <Button type="button" unstyled onClick={() => setRejecting(false)}>
                  Cancel
                </Button>
              </ButtonGroup>
            </Form>
          )}
        </>
      )}
    </li>
  );
}

function SummaryForm({ consultation, onSaved }: { consultation: Consultation; onSaved: (c: Consultation) => void }) {
  const org = useOrganisation();
  const [summary, setSummary] = useState(consultation.summary ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onSaved(await publishConsultationSummary(org.slug, consultation.id, summary));
      setErrors(noErrors);
    } catch (err) {
      const e = toApiError(err);
      setErrors({ message: e.message, fields: e.fields });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h2>Response to the public</h2>
      <ErrorSummary errors={errors} />
      <Form onSubmit={(e) => void submit(e)} large>
        <TextareaField
          id="summary"
          label="Summary of what you heard and what you will do"
          hint="Shown on the public consultation page."
          value={summary}
          onChange={setSummary}
          error={errors.fields.summary}
          required
          rows={10}
        />
        <ReadingGradeIndicator id="summary-grade" text={summary} lang="en" />
        <Button type="submit" disabled={busy}>
          {consultation.summary ? 'Update the response' : 'Publish the response'}
        </Button>
      </Form>
    </>
  );
}

const dayOf = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Until the consultation opens, everything can still change (the server refuses once it has opened). */
function EditForm({ consultation, onSaved }: { consultation: Consultation; onSaved: (c: Consultation) => void }) {
  const org = useOrganisation();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(consultation.title);
  const [intro, setIntro] = useState(consultation.intro);
  const [questions, setQuestions] = useState<string[]>(consultation.questions);
  const [draft, setDraft] = useState('');
  const [opens, setOpens] = useState(dayOf(consultation.opensAt));
  const [closes, setCloses] = useState(dayOf(consultation.closesAt));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <p>
        <Button type="button" outline onClick={() => setOpen(true)}>
          Change the consultation
        </Button>
      </p>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onSaved(
        await updateConsultation(org.slug, consultation.id, {
          title,
          intro,
          questions: withDraft(questions, draft),
          opensAt: new Date(`${opens}T00:00:00`).toISOString(),
          closesAt: new Date(`${closes}T23:59:59`).toISOString(),
        }),
      );
      setErrors(noErrors);
      setOpen(false);
    } catch (err) {
      const e = toApiError(err);
      setErrors({ message: e.message, fields: e.fields });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h2>Change the consultation</h2>
      <ErrorSummary errors={errors} fieldIds={{ opensAt: 'edit-opens', closesAt: 'edit-closes', title: 'edit-title', intro: 'edit-intro', questions: 'edit-questions' }} />
      <Form onSubmit={(e) => void submit(e)} large>
        <TextField id="edit-title" label="Title" value={title} onChange={setTitle} error={errors.fields.title} required />
        <TextareaField id="edit-intro" label="Introduction" value={intro} onChange={setIntro} error={errors.fields.intro} required rows={8} />
        <ReadingGradeIndicator id="edit-intro-grade" text={intro} lang="en" />
        <ListInput id="edit-questions" label="Guiding questions (optional)" itemName="question" values={questions} draft={draft} onChange={setQuestions} onDraft={setDraft} error={errors.fields.questions} maxLength={500} />
        <TextField id="edit-opens" type="date" label="Opens on" value={opens} onChange={setOpens} error={errors.fields.opensAt} required />
        <TextField id="edit-closes" type="date" label="Closes at the end of" value={closes} onChange={setCloses} error={errors.fields.closesAt} required />
        <ButtonGroup>
          <Button type="submit" disabled={busy}>
            Save changes
          </Button>
          <Button type="button" unstyled onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
