/**
 * An assessment's result (/assessments/:id/result): the level and what it requires, the score per
 * score type and the current score after adjustments, section scores, gaps with recommended
 * actions, sign-offs, the reports (HTML, PDF, JSON in each of the template's languages and, for the
 * Canadian AIA, the official tool's saved file), a reassessment for approved rounds, and what changed
 * since the previous round. The template's texts can be read in any of its languages (?lang=fr).
 */
import { useState } from 'react';
import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import { Link, useNavigate, useParams } from 'react-router';
import {
  aiaSavedFileUrl,
  assessmentReportUrl,
  diffAssessment,
  getAssessment,
  reassess,
  REPORT_LANGUAGES,
  toApiError,
  type AssessmentDetail,
  type ScoreResult,
  type TemplateDocument,
} from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { LanguageChoice, languageName, Localised, SectionTitle, shownLanguage, TemplateLanguageProvider, useShownLanguage, useTemplateLanguage } from '../../components/assessment-language';
import { AssessmentProgress } from '../../components/assessment-progress';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { useHandedOverNotice } from '../../use-handed-over-notice';
import { hasAnyRole, roleList } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { PHASE_LABELS } from '../obligations/obligation-labels';
import { answerText, ASSESSMENT_STARTER_ROLES, findQuestion, formatScore, levelLabel, sectionParts, SIGNOFF_LABELS, statusLabel, statusTone, t } from './assessment-labels';
import { ReviewPanel } from './review-panel';
import './assessments.css';

export function AssessmentResultPage() {
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
      title={data ? `Result: ${title}${data.system ? ` for ${data.system.name}` : ''}` : 'Assessment result'}
      heading={
        data ? (
          <>
            Result: <span lang={lang === 'en' ? undefined : shownLanguage(data.document.title, lang)}>{title}</span>{' '}
            {data.system && <span className="gb-muted gb-h1-sub">for {data.system.name}</span>}
          </>
        ) : (
          'Assessment result'
        )
      }
    >
      <StatusMessage message={status} />
      {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.error.status === 404 ? undefined : detail.reload} heading={detail.error.status === 404 ? 'There is no such assessment' : undefined} />}
      {!data && !detail.error && <p role="status">Loading the result…</p>}
      {data && (
        <TemplateLanguageProvider lang={lang}>
          <ResultView
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

type ResultProps = { detail: AssessmentDetail; lang: string; onLanguage: (lang: string) => void; onReplaced: (d: AssessmentDetail, message: string) => void };

function ResultView({ detail, lang, onLanguage, onReplaced }: ResultProps) {
  const org = useOrganisation();
  const doc = detail.document;
  const result = detail.result;
  const level = doc.scoring?.levels?.list.find((l) => l.id === result.level);
  const final = detail.status === 'approved';
  const reportLanguages = ['en', ...doc.languages.filter((l): l is (typeof REPORT_LANGUAGES)[number] => l !== 'en' && (REPORT_LANGUAGES as readonly string[]).includes(l))];
  return (
    <>
      <div className="gb-stage-line margin-bottom-2">
        <span>
          Status: <StatusTag tone={statusTone(detail.status)}>{statusLabel(detail.status)}</StatusTag>
        </span>
        <span className="gb-muted">
          Round {detail.round}, template version {detail.templateVersion}
        </span>
        {detail.system && (
          <Link to={`/systems/${detail.system.id}/assessments`} className="usa-link">
            All assessments of {detail.system.name}
          </Link>
        )}
      </div>
      {!final && (
        <Alert type="info" headingLevel="h2" heading="Not final yet" slim className="margin-bottom-3">
          This result is worked out from the answers so far; it becomes final when the assessment is approved.
        </Alert>
      )}
      {detail.reassessmentDue && (
        <Alert type="warning" headingLevel="h2" heading="Reassessment due" className="margin-bottom-3">
          <p className="usa-alert__text">{detail.reassessmentDueReason ?? `This assessment was due to be redone${detail.dueDate ? ` by ${detail.dueDate}` : ''}.`}</p>
        </Alert>
      )}
      <ButtonGroup className="margin-bottom-3">
        <Link to={lang === 'en' ? `/assessments/${detail.id}` : `/assessments/${detail.id}?lang=${encodeURIComponent(lang)}`} className="usa-button usa-button--outline">
          {detail.permissions.canEdit && (detail.status === 'draft' || detail.status === 'returned') ? 'Continue filling in' : 'Read the answers'}
        </Link>
        {final && <ReassessButton detail={detail} />}
      </ButtonGroup>
      <LanguageChoice languages={doc.languages} value={lang} onChange={onLanguage} />
      {detail.status === 'submitted' && detail.permissions.canReview && <ReviewPanel detail={detail} onReviewed={onReplaced} />}

      <section aria-labelledby="level-heading" className="gb-panel">
        <h2 id="level-heading" className="margin-top-0">
          {doc.scoring?.levels ? <>Level: {level ? <Localised text={level.label} /> : levelLabel(doc, result.level)}</> : 'Score'}
        </h2>
        <ScoreTable doc={doc} result={result} />
        {!final && <AssessmentProgress answered={detail.progress.answered} answerable={detail.progress.answerable} id="result-progress" />}
        {level && (level.requirements ?? []).length > 0 && (
          <>
            <h3>What this level requires</h3>
            <ul className="usa-list">
              {(level.requirements ?? []).map((r) => (
                <li key={r.key}>
                  <strong>
                    <Localised text={r.title} />
                  </strong>{' '}
                  ({PHASE_LABELS[r.phase].toLowerCase()}): <Localised text={r.description} />
                </li>
              ))}
            </ul>
            {final && detail.system && (
              <p>
                These requirements were added to the system’s{' '}
                <Link to={`/systems/${detail.system.id}/obligations`} className="usa-link">
                  obligations
                </Link>
                .
              </p>
            )}
          </>
        )}
        {level && (level.requirements ?? []).length === 0 && <p>This level adds no requirements of its own.</p>}
      </section>

      <SectionScores doc={doc} result={result} />
      <Gaps detail={detail} />
      <Signoffs detail={detail} />

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">Reports</h2>
        {reportLanguages.length > 1 && <p>The reports are written in each of the template’s languages.</p>}
        {reportLanguages.map((l) => (
          <div key={l}>
            {reportLanguages.length > 1 && <h3 id={`reports-${l}`}>In {languageName(l)}</h3>}
            <ReportLinks detailId={detail.id} lang={l} />
          </div>
        ))}
        {detail.templateKey === 'canada-aia' && (
          <p>
            <a href={aiaSavedFileUrl(org.slug, detail.id)} className="usa-link" download>
              Saved file for the Government of Canada’s AIA tool
            </a>{' '}
            <span className="gb-muted">(open it in the official tool to check the same answers give the same level)</span>
          </p>
        )}
      </section>

      {detail.previousId && <RoundDiff detail={detail} previousId={detail.previousId} />}
    </>
  );
}

/** The three reports in one language; the English ones keep their plain names. */
function ReportLinks({ detailId, lang }: { detailId: string; lang: string }) {
  const org = useOrganisation();
  const inLang = lang === 'en' ? null : <span className="usa-sr-only"> in {languageName(lang)}</span>;
  return (
    <ul className="usa-list">
      <li>
        <a href={assessmentReportUrl(org.slug, detailId, 'html', lang)} hrefLang={lang} className="usa-link" target="_blank" rel="noopener noreferrer">
          Printable report (HTML){inLang}
          <span className="usa-sr-only">, opens in a new tab</span>
        </a>
      </li>
      <li>
        <a href={assessmentReportUrl(org.slug, detailId, 'pdf', lang)} hrefLang={lang} className="usa-link" download>
          Report as PDF{inLang}
        </a>
      </li>
      <li>
        <a href={assessmentReportUrl(org.slug, detailId, 'json', lang)} hrefLang={lang} className="usa-link" download>
          Report as JSON data{inLang}
        </a>
      </li>
    </ul>
  );
}

function ScoreTable({ doc, result }: { doc: TemplateDocument; result: ScoreResult }) {
  const types = doc.scoring?.scoreTypes ?? [];
  if (types.length === 0) return <p>This template is not scored.</p>;
  const base = doc.scoring?.baseScore;
  const adjustments = (doc.scoring?.adjustments ?? []).filter((a) => result.applied.includes(a.id));
  return (
    <>
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption className="usa-sr-only">Score per score type</caption>
        <thead>
          <tr>
            <th scope="col">Score type</th>
            <th scope="col">Score</th>
            <th scope="col">Maximum</th>
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <tr key={type.id}>
              <th scope="row">
                <Localised text={type.label} />
              </th>
              <td>{formatScore(result.scores[type.id] ?? 0)}</td>
              <td>{formatScore(result.maxima[type.id] ?? 0)}</td>
            </tr>
          ))}
          {base && (
            <tr>
              <th scope="row">Current score (levels are read from it)</th>
              <td>
                <strong>{formatScore(result.current)}</strong>
              </td>
              <td>{formatScore(result.maxima[base] ?? 0)}</td>
            </tr>
          )}
        </tbody>
      </table>
      {adjustments.length > 0 ? (
        <p>
          Applied:{' '}
          {adjustments.map((a, i) => (
            <span key={a.id}>
              {i > 0 && '; '}
              <Localised text={a.label} />
            </span>
          ))}
          .
        </p>
      ) : (
        (doc.scoring?.adjustments ?? []).length > 0 && <p>No adjustment applied: the current score is the {base ?? 'base'} score.</p>
      )}
    </>
  );
}

function SectionScores({ doc, result }: { doc: TemplateDocument; result: ScoreResult }) {
  const types = doc.scoring?.scoreTypes ?? [];
  const rows = result.sections.filter((s) => s.questions > 0);
  const parts = sectionParts(doc, useShownLanguage());
  if (types.length === 0 || rows.length === 0) return null;
  return (
    <section aria-labelledby="sections-heading">
      <h2 id="sections-heading">Score by section</h2>
      <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Section scores table">
        <table className="usa-table usa-table--striped">
          <caption className="usa-sr-only">Points scored and the maximum, by section and score type</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              {types.map((type) => (
                <th key={type.id} scope="col">
                  <Localised text={type.label} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const section = doc.sections.find((x) => x.id === s.sectionId);
              return (
                <tr key={s.sectionId}>
                  <th scope="row">{section ? <SectionTitle section={section} part={parts.get(section.id)} /> : s.sectionId}</th>
                  {types.map((type) => {
                    const v = s.scores[type.id];
                    return <td key={type.id}>{v ? `${formatScore(v.score)} of ${formatScore(v.max)}` : '—'}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Gaps({ detail }: { detail: AssessmentDetail }) {
  const gaps = detail.result.gaps;
  if (gaps.length === 0) return null;
  return (
    <section aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">Gaps and recommended actions</h2>
      <p>Answers that scored below their maximum, with what to do about them.{detail.status === 'approved' ? ' On approval they became organisation tasks.' : ''}</p>
      <ol className="usa-list">
        {gaps.map((g) => {
          const q = findQuestion(detail.document, g.questionId)?.question;
          return (
            <li key={g.questionId} className="margin-bottom-2">
              <strong>{q ? <Localised text={q.title} /> : g.questionId}</strong>{' '}
              <span className="gb-muted">
                ({formatScore(g.score)} of {formatScore(g.max)} points)
              </span>
              <br />
              <Localised text={g.recommendation} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Signoffs({ detail }: { detail: AssessmentDetail }) {
  return (
    <section aria-labelledby="signoffs-heading">
      <h2 id="signoffs-heading">Sign-offs</h2>
      {detail.signoffs.length === 0 ? (
        <p>Nobody has signed this assessment yet.</p>
      ) : (
        <table className="usa-table usa-table--borderless">
          <caption className="usa-sr-only">Who submitted, approved or returned the assessment, in which role and when</caption>
          <thead>
            <tr>
              <th scope="col">Decision</th>
              <th scope="col">Who</th>
              <th scope="col">Role</th>
              <th scope="col">When</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {detail.signoffs.map((s) => (
              <tr key={s.id}>
                <td>{SIGNOFF_LABELS[s.decision] ?? s.decision}</td>
                <td>{s.user.name}</td>
                <td>{s.roles.length > 0 ? roleList(s.roles) : '—'}</td>
                <td>
                  <DateTime value={s.at} />
                </td>
                <td>{s.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReassessButton({ detail }: { detail: AssessmentDetail }) {
  const org = useOrganisation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The detail's permissions describe this round, which is locked; starting the next round is for
  // those who may fill assessments in (the server narrows system owners to their own systems).
  if (!hasAnyRole(org.roles, ASSESSMENT_STARTER_ROLES)) return null;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { assessment, droppedAnswers } = await reassess(org.slug, detail.id);
      const dropped = droppedAnswers.length > 0 ? ` ${droppedAnswers.length} answer${droppedAnswers.length === 1 ? ' was' : 's were'} not carried over because the template changed.` : '';
      void navigate(`/assessments/${assessment.id}`, { state: { notice: `Reassessment started, pre-filled from round ${detail.round}.${dropped}` } });
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="button" disabled={busy} onClick={() => void start()}>
        {busy ? 'Starting…' : 'Start reassessment'}
      </Button>
      {error && (
        <Alert type="error" headingLevel="h2" slim role="alert" className="margin-top-1">
          {error}
        </Alert>
      )}
    </>
  );
}

type ScoreSnapshot = { current?: number; level?: string | null; scores?: Record<string, number> };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The diff's score part may be { before, after } or { current: { before, after }, … }; both are read. */
function snapshots(scores: unknown): { before: ScoreSnapshot | null; after: ScoreSnapshot | null } {
  if (!isRecord(scores)) return { before: null, after: null };
  if (isRecord(scores['before']) || isRecord(scores['after'])) {
    return { before: isRecord(scores['before']) ? (scores['before'] as ScoreSnapshot) : null, after: isRecord(scores['after']) ? (scores['after'] as ScoreSnapshot) : null };
  }
  return { before: null, after: null };
}

function RoundDiff({ detail, previousId }: { detail: AssessmentDetail; previousId: string }) {
  const org = useOrganisation();
  const lang = useShownLanguage();
  const diff = useApiData((signal) => diffAssessment(org.slug, detail.id, previousId, signal), [org.slug, detail.id, previousId]);
  const doc = detail.document;
  const { before, after } = snapshots(diff.data?.scores);
  const types = doc.scoring?.scoreTypes ?? [];
  return (
    <section aria-labelledby="diff-heading">
      <h2 id="diff-heading">Changes since round {detail.round - 1}</h2>
      <p>
        <Link to={`/assessments/${previousId}/result`} className="usa-link">
          See the previous round’s result
        </Link>
      </p>
      {diff.error && <ApiErrorAlert error={diff.error} onRetry={diff.reload} heading="The changes could not be loaded" />}
      {!diff.data && !diff.error && <p role="status">Loading the changes…</p>}
      {diff.data && (
        <>
          {(before || after) && (
            <table className="usa-table usa-table--borderless">
              <caption>Scores before and after</caption>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Round {detail.round - 1}</th>
                  <th scope="col">Round {detail.round}</th>
                </tr>
              </thead>
              <tbody>
                {types.map((type) => (
                  <tr key={type.id}>
                    <th scope="row">
                      <Localised text={type.label} />
                    </th>
                    <td>{before?.scores?.[type.id] ?? '—'}</td>
                    <td>{after?.scores?.[type.id] ?? '—'}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Current score</th>
                  <td>{before?.current ?? '—'}</td>
                  <td>{after?.current ?? '—'}</td>
                </tr>
                {doc.scoring?.levels && (
                  <tr>
                    <th scope="row">Level</th>
                    <td>{before ? levelLabel(doc, before.level ?? null, lang) : '—'}</td>
                    <td>{after ? levelLabel(doc, after.level ?? null, lang) : '—'}</td>
                  </tr>
                )}
              </tbody>
            </table>
          )}
          {diff.data.answers.length === 0 ? (
            <p>No answer changed.</p>
          ) : (
            <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Answers that changed">
              <table className="usa-table usa-table--striped">
                <caption>
                  {diff.data.answers.length} answer{diff.data.answers.length === 1 ? '' : 's'} changed
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col">Before</th>
                    <th scope="col">Now</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.data.answers.map((a) => {
                    const q = findQuestion(doc, a.questionId)?.question;
                    return (
                      <tr key={a.questionId}>
                        <th scope="row">{q ? <Localised text={q.title} /> : a.title}</th>
                        <td>{answerText(q, a.before, undefined, lang)}</td>
                        <td>{answerText(q, a.after, undefined, lang)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
