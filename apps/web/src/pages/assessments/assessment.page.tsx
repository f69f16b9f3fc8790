/**
 * One assessment (/assessments/:id): filling it in (sections in a side navigation, questions shown
 * or hidden live as the answers change, autosave with "Saved at hh:mm", a progress bar, comments
 * and files per question, who changed each answer last, a conflict choice when a colleague saved
 * the same answer), submitting it (missing required answers listed and linked), and for reviewers
 * approving or returning it. Submitted and approved assessments are shown read-only. The template's
 * texts can be read in any of its languages (?lang=fr); answers are the same whatever the language.
 */
import { useMemo, useRef, useState, type MouseEvent } from 'react';
import { Alert, Button, ButtonGroup, ErrorMessage, FileInput, FormGroup, Grid, Label, SideNav, type FileInputRef } from '@trussworks/react-uswds';
import { Link, useNavigate, useParams } from 'react-router';
import { hasAnswer, isSectionVisible, questionVisibility } from '@glassbox/rules/assessment/conditions';
import {
  assessmentAttachmentUrl,
  getAssessment,
  submitAssessment,
  toApiError,
  uploadAssessmentAttachment,
  type AssessmentAttachment,
  type AssessmentComment,
  type AssessmentDetail,
  type Question,
} from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { AssessmentComments } from '../../components/assessment-comments';
import { LanguageChoice, Localised, SectionTitle, shownLanguage, TemplateLanguageProvider, useTemplateLanguage } from '../../components/assessment-language';
import { AssessmentProgress } from '../../components/assessment-progress';
import { AssessmentQuestion, type AttachedFile } from '../../components/assessment-question';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { useHandedOverNotice } from '../../use-handed-over-notice';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { answerText, findQuestion, focusTargetId, personName, sectionParts, statusLabel, statusTone, t, timeOfDay } from './assessment-labels';
import { ReviewPanel } from './review-panel';
import { useAutosave, type SaveState } from './use-autosave';
import './assessments.css';

export function AssessmentPage() {
  const { assessmentId = '' } = useParams();
  const org = useOrganisation();
  const detail = useApiData((signal) => getAssessment(org.slug, assessmentId, signal), [org.slug, assessmentId]);
  const [status, setStatus] = useState<string | null>(null);

  useHandedOverNotice(setStatus);

  const data = detail.data;
  const [lang, setLang] = useTemplateLanguage(data?.document.languages);
  const title = data ? t(data.document.title, lang) : 'Assessment';
  return (
    <Page
      title={data?.system ? `${title}: ${data.system.name}` : title}
      heading={
        data ? (
          <>
            <span lang={lang === 'en' ? undefined : shownLanguage(data.document.title, lang)}>{title}</span> {data.system && <span className="gb-muted gb-h1-sub">for {data.system.name}</span>}
          </>
        ) : (
          'Assessment'
        )
      }
    >
      <StatusMessage message={status} />
      {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.error.status === 404 ? undefined : detail.reload} heading={detail.error.status === 404 ? 'There is no such assessment' : undefined} />}
      {!data && !detail.error && <p role="status">Loading the assessment…</p>}
      {data && (
        <TemplateLanguageProvider lang={lang}>
          <AssessmentView
            key={`${data.id}-${data.status}`}
            detail={data}
            lang={lang}
            onLanguage={setLang}
            onReplaced={(d, message) => {
              detail.setData(d);
              setStatus(message);
            }}
          />
        </TemplateLanguageProvider>
      )}
    </Page>
  );
}

function AssessmentHeader({ detail }: { detail: AssessmentDetail }) {
  return (
    <div className="gb-stage-line margin-bottom-2">
      <span>
        Status: <StatusTag tone={statusTone(detail.status)}>{statusLabel(detail.status)}</StatusTag>
      </span>
      <span className="gb-muted">Round {detail.round}</span>
      {detail.dueDate && (
        <span className="gb-muted">
          Reassessment due <DateTime value={detail.dueDate} dateOnly />
        </span>
      )}
      {detail.system && (
        <Link to={`/systems/${detail.system.id}/assessments`} className="usa-link">
          All assessments of {detail.system.name}
        </Link>
      )}
      {!detail.system && (
        <Link to="/readiness" className="usa-link">
          Readiness overview
        </Link>
      )}
    </div>
  );
}

type ViewProps = { detail: AssessmentDetail; lang: string; onLanguage: (lang: string) => void; onReplaced: (detail: AssessmentDetail, message: string) => void };

/** The same language on the result page. */
const withLang = (path: string, lang: string) => (lang === 'en' ? path : `${path}?lang=${encodeURIComponent(lang)}`);

function AssessmentView({ detail, lang, onLanguage, onReplaced }: ViewProps) {
  const editable = detail.permissions.canEdit && (detail.status === 'draft' || detail.status === 'returned');
  const returned = [...detail.signoffs].reverse().find((s) => s.decision === 'return');
  return (
    <>
      <AssessmentHeader detail={detail} />
      {detail.status === 'returned' && (
        <Alert type="warning" headingLevel="h2" heading="Returned for changes" className="margin-bottom-3">
          <p className="usa-alert__text">
            {returned ? (
              <>
                {personName(returned.user)} returned this assessment on <DateTime value={returned.at} />: “{returned.note ?? 'no comment given'}”
              </>
            ) : (
              'A reviewer returned this assessment. Read their comments, change the answers and submit it again.'
            )}
          </p>
        </Alert>
      )}
      {detail.status === 'approved' && (
        <Alert type="success" headingLevel="h2" heading="Approved and locked" className="margin-bottom-3">
          <p className="usa-alert__text">
            This assessment is approved, so its answers can no longer change. <Link to={`/assessments/${detail.id}/result`}>See the result</Link>, or start a reassessment
            from there.
          </p>
        </Alert>
      )}
      {detail.status === 'submitted' && (
        <Alert type="info" headingLevel="h2" heading="Waiting for review" className="margin-bottom-3">
          <p className="usa-alert__text">
            This assessment was submitted and waits for a governance officer to approve it or return it. Its answers cannot change meanwhile.
          </p>
        </Alert>
      )}
      <ButtonGroup className="margin-bottom-3">
        <Link to={withLang(`/assessments/${detail.id}/result`, lang)} className="usa-button usa-button--outline">
          See the result and reports
        </Link>
      </ButtonGroup>
      <LanguageChoice languages={detail.document.languages} value={lang} onChange={onLanguage} />
      {detail.status === 'submitted' && detail.permissions.canReview && <ReviewPanel detail={detail} onReviewed={onReplaced} />}
      <AnswersForm detail={detail} editable={editable} lang={lang} />
    </>
  );
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  let text = '';
  if (state.kind === 'pending') text = 'Changes not saved yet…';
  else if (state.kind === 'saving') text = 'Saving…';
  else if (state.kind === 'saved') text = `Saved at ${timeOfDay(state.at)}`;
  else if (state.kind === 'error') text = `Not saved: ${state.message}`;
  else if (state.kind === 'conflict') text = 'Not saved: someone else changed the same answers. Choose below which to keep.';
  else text = 'Answers are saved as you type.';
  return (
    <div className={`gb-save-status${state.kind === 'error' || state.kind === 'conflict' ? ' gb-save-status--problem' : ''}`}>
      <p role="status" aria-live="polite" className="margin-y-1">
        {text}
      </p>
      {state.kind === 'error' && (
        <Button type="button" outline onClick={onRetry} className="margin-top-0">
          Try saving again
        </Button>
      )}
    </div>
  );
}

const sectionDomId = (id: string) => `section-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'start' });
}

function AnswersForm({ detail, editable, lang }: { detail: AssessmentDetail; editable: boolean; lang: string }) {
  const org = useOrganisation();
  const navigate = useNavigate();
  const save = useAutosave({ org: org.slug, detail });
  const [comments, setComments] = useState<AssessmentComment[]>(detail.comments);
  const [attachments, setAttachments] = useState<AssessmentAttachment[]>(detail.attachments);
  const [submitErrors, setSubmitErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  const doc = detail.document;
  const answers = editable ? save.answers : detail.answers;
  const meta = editable ? save.answerMeta : detail.answerMeta;

  const visibility = useMemo(() => questionVisibility(doc, answers), [doc, answers]);
  const sections = useMemo(() => doc.sections.filter((s) => isSectionVisible(s, answers)), [doc, answers]);
  const parts = useMemo(() => sectionParts(doc, lang), [doc, lang]);
  const progress = useMemo(() => {
    let answerable = 0;
    let answered = 0;
    const bySection = new Map<string, { answerable: number; answered: number }>();
    for (const s of sections) {
      const counts = { answerable: 0, answered: 0 };
      for (const q of s.questions) {
        if (q.type === 'info' || !visibility.get(q.id)) continue;
        counts.answerable += 1;
        if (hasAnswer(answers[q.id])) counts.answered += 1;
      }
      bySection.set(s.id, counts);
      answerable += counts.answerable;
      answered += counts.answered;
    }
    return { answerable, answered, bySection };
  }, [sections, visibility, answers]);

  const attachmentNames = useMemo(() => new Map(attachments.map((a) => [a.id, a.fileName])), [attachments]);
  const filesFor = (q: Question): AttachedFile[] => {
    const value = answers[q.id];
    const ids = Array.isArray(value) ? value : [];
    return ids.map((id) => ({ id, name: attachmentNames.get(id) ?? 'Attached file', href: assessmentAttachmentUrl(org.slug, detail.id, id) }));
  };
  const errors = { ...save.fieldErrors, ...submitErrors.fields };
  const canComment = detail.permissions.canComment ?? (detail.permissions.canEdit || detail.permissions.canReview);

  const upload = async (q: Question, file: File) => {
    const added = await uploadAssessmentAttachment(org.slug, detail.id, { file, questionId: q.id });
    setAttachments((current) => [...current, added]);
    const value = answers[q.id];
    save.change(q.id, [...(Array.isArray(value) ? value : []), added.id], true);
  };

  const missingRequired = (): Record<string, string> => {
    const fields: Record<string, string> = {};
    for (const s of sections)
      for (const q of s.questions) if (q.required && q.type !== 'info' && visibility.get(q.id) && !hasAnswer(answers[q.id])) fields[q.id] = `Answer “${t(q.title, lang)}”: it is required.`;
    return fields;
  };

  const onSubmit = async () => {
    setSubmitErrors(noErrors);
    const missing = missingRequired();
    if (Object.keys(missing).length > 0) {
      setSubmitErrors({ message: `${Object.keys(missing).length} required question${Object.keys(missing).length === 1 ? ' is' : 's are'} not answered yet.`, fields: missing });
      focusSummary();
      return;
    }
    setSubmitting(true);
    try {
      const saved = await save.flush();
      if (!saved) {
        setSubmitErrors({ message: 'Some answers are not saved yet. Resolve the problem shown above the questions, then submit again.', fields: {} });
        focusSummary();
        return;
      }
      await submitAssessment(org.slug, detail.id);
      void navigate(`/assessments/${detail.id}/result`, { state: { notice: 'The assessment was submitted for review.' } });
    } catch (error) {
      const apiError = toApiError(error);
      setSubmitErrors({ message: apiError.message, fields: apiError.fields });
      focusSummary();
    } finally {
      setSubmitting(false);
    }
  };

  const fieldIds: Record<string, string> = {};
  for (const id of Object.keys(errors)) fieldIds[id] = focusTargetId(findQuestion(doc, id)?.question, id);

  return (
    <div className="grid-row grid-gap-4">
      <Grid desktop={{ col: 3 }} col={12} className="margin-bottom-4">
        <div className="gb-assess-aside">
          <AssessmentProgress answered={progress.answered} answerable={progress.answerable} />
          {editable && <SaveStatus state={save.state} onRetry={save.retry} />}
          <nav aria-label="Sections of the assessment" className="margin-top-2">
            <SideNav
              items={sections.map((s) => {
                const counts = progress.bySection.get(s.id);
                return (
                  <a key={s.id} href={`#${sectionDomId(s.id)}`} onClick={(e) => jumpTo(e, sectionDomId(s.id))}>
                    <SectionTitle section={s} part={parts.get(s.id)} />
                    {counts && counts.answerable > 0 && (
                      <span className="gb-muted">
                        {' '}
                        ({counts.answered} of {counts.answerable})
                      </span>
                    )}
                  </a>
                );
              })}
            />
          </nav>
        </div>
      </Grid>
      <Grid desktop={{ col: 9 }} col={12}>
        <div id="submit-problems" tabIndex={-1}>
          <ErrorSummary errors={submitErrors} fieldIds={fieldIds} />
        </div>
        {save.conflicts.length > 0 && <ConflictBox detail={detail} conflicts={save.conflicts} attachmentNames={attachmentNames} onResolve={save.resolve} />}
        {editable && (
          <p className="usa-hint">
            Questions marked with an asterisk (<abbr title="required" className="usa-hint usa-hint--required">*</abbr>) must be answered before you submit. Some questions appear
            only after earlier answers.
          </p>
        )}
        {sections.map((s) => (
          <section key={s.id} aria-labelledby={`${sectionDomId(s.id)}-heading`} className="gb-assess-section" lang={lang}>
            <h2 id={`${sectionDomId(s.id)}-heading`} className="margin-bottom-1">
              <span id={sectionDomId(s.id)} tabIndex={-1}>
                <SectionTitle section={s} part={parts.get(s.id)} />
              </span>
            </h2>
            {s.description && (
              <p className="margin-top-0">
                <Localised text={s.description} />
              </p>
            )}
            {s.questions
              .filter((q) => visibility.get(q.id))
              .map((q) => {
                const m = meta[q.id];
                return (
                  <AssessmentQuestion
                    key={q.id}
                    question={q}
                    value={answers[q.id]}
                    readOnly={!editable}
                    error={errors[q.id]}
                    onChange={(value, commit) => {
                      save.change(q.id, value, commit);
                      if (submitErrors.fields[q.id] && value !== null) {
                        setSubmitErrors((current) => {
                          const fields = { ...current.fields };
                          delete fields[q.id];
                          return { message: Object.keys(fields).length > 0 ? current.message : null, fields };
                        });
                      }
                    }}
                    onBlur={save.blur}
                    files={q.type === 'file' ? filesFor(q) : []}
                    onUpload={editable && q.type === 'file' ? (file) => upload(q, file) : undefined}
                    footer={
                      <>
                        {m && hasAnswer(answers[q.id]) && (
                          <p className="gb-muted margin-y-05">
                            Last changed by {m.byName}, <DateTime value={m.at} />
                          </p>
                        )}
                        {q.type !== 'info' && (
                          <AssessmentComments
                            assessmentId={detail.id}
                            questionId={q.id}
                            subject={t(q.title, lang)}
                            comments={comments.filter((c) => c.questionId === q.id)}
                            canComment={canComment}
                            onAdded={(c) => setComments((current) => [...current, c])}
                          />
                        )}
                      </>
                    }
                  />
                );
              })}
          </section>
        ))}
        <section aria-labelledby="general-heading" className="gb-assess-section">
          <h2 id="general-heading">Comments and files on the whole assessment</h2>
          <AssessmentComments
            assessmentId={detail.id}
            questionId={null}
            subject="the whole assessment"
            comments={comments.filter((c) => c.questionId === null)}
            canComment={canComment}
            onAdded={(c) => setComments((current) => [...current, c])}
            open
          />
          <AttachmentList attachments={attachments} detailId={detail.id} />
          {editable && <GeneralUpload detailId={detail.id} onAdded={(a) => setAttachments((current) => [...current, a])} />}
        </section>
        {editable && detail.permissions.canSubmit && (
          <div className="gb-panel margin-top-4">
            <h2 className="margin-top-0">Submit for review</h2>
            <p>
              A governance officer will approve the assessment or return it with comments. Until then its answers cannot change. {progress.answered} of {progress.answerable}{' '}
              questions are answered.
            </p>
            <Button type="button" disabled={submitting} onClick={() => void onSubmit()}>
              {submitting ? 'Submitting…' : 'Submit for review'}
            </Button>
          </div>
        )}
      </Grid>
    </div>
  );
}

function focusSummary() {
  // After React has drawn the summary.
  setTimeout(() => {
    const box = document.getElementById('submit-problems');
    box?.focus();
    box?.scrollIntoView({ block: 'start' });
  }, 0);
}

function AttachmentList({ attachments, detailId }: { attachments: readonly AssessmentAttachment[]; detailId: string }) {
  const org = useOrganisation();
  if (attachments.length === 0) return <p>No files attached yet.</p>;
  return (
    <>
      <h3>Files</h3>
      <ul className="usa-list">
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={assessmentAttachmentUrl(org.slug, detailId, a.id)} download={a.fileName} className="usa-link">
              {a.fileName}
            </a>
            <span className="gb-muted">
              {' '}
              — added by {personName(a.createdBy)}, <DateTime value={a.createdAt} dateOnly />
              {a.questionId ? ' (an answer)' : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Supporting documents for the assessment as a whole (files that answer a question are added there). */
function GeneralUpload({ detailId, onAdded }: { detailId: string; onAdded: (a: AssessmentAttachment) => void }) {
  const org = useOrganisation();
  const fileRef = useRef<FileInputRef>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    if (!file) {
      setError('Choose a file to upload.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onAdded(await uploadAssessmentAttachment(org.slug, detailId, { file }));
      setFile(null);
      fileRef.current?.clearFiles();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor="assessment-file" error={Boolean(error)}>
        Attach a supporting document
      </Label>
      <div className="usa-hint" id="assessment-file-hint">
        PDF, image, plain text, CSV, Word, Excel or OpenDocument text; at most 20 MB.
      </div>
      {error && <ErrorMessage id="assessment-file-error">{error}</ErrorMessage>}
      <FileInput
        id="assessment-file"
        name="assessment-file"
        ref={fileRef}
        aria-describedby={error ? 'assessment-file-hint assessment-file-error' : 'assessment-file-hint'}
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <Button type="button" outline className="margin-top-1" disabled={busy} onClick={() => void upload()}>
        {busy ? 'Uploading…' : 'Upload document'}
      </Button>
    </FormGroup>
  );
}

type ConflictProps = {
  detail: AssessmentDetail;
  conflicts: ReturnType<typeof useAutosave>['conflicts'];
  attachmentNames: ReadonlyMap<string, string>;
  onResolve: (questionId: string, keep: 'mine' | 'theirs') => void;
};

function ConflictBox({ detail, conflicts, attachmentNames, onResolve }: ConflictProps) {
  return (
    <Alert type="warning" headingLevel="h2" heading="Someone else changed the same answers" className="margin-bottom-3" role="alert">
      <p className="usa-alert__text">While you were typing, a colleague saved other answers to these questions. For each one, keep yours or take theirs; saving resumes after that.</p>
      <ul className="usa-list usa-list--unstyled">
        {conflicts.map((c) => {
          const q = findQuestion(detail.document, c.questionId)?.question;
          const title = q ? t(q.title) : c.questionId;
          return (
            <li key={c.questionId} className="margin-top-2">
              <p className="text-bold margin-bottom-05">{title}</p>
              <p className="margin-y-05">
                {c.by ?? 'Someone'}
                {c.at ? (
                  <>
                    {' '}
                    at <DateTime value={c.at} />
                  </>
                ) : null}
                : “{answerText(q, c.theirs, attachmentNames)}”
              </p>
              <p className="margin-y-05">Yours: “{answerText(q, c.mine, attachmentNames)}”</p>
              <ButtonGroup>
                <Button type="button" onClick={() => onResolve(c.questionId, 'mine')}>
                  Keep my answer<span className="usa-sr-only"> to “{title}”</span>
                </Button>
                <Button type="button" outline onClick={() => onResolve(c.questionId, 'theirs')}>
                  Take their answer<span className="usa-sr-only"> to “{title}”</span>
                </Button>
              </ButtonGroup>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
