/**
 * The organisation's AI readiness (/readiness): the latest approved readiness assessment as a
 * chart of its five areas (with the figures as a table too), the overall level, the gap report with
 * the recommended actions (which became organisation tasks on approval), a round in progress if
 * there is one, and a way to start a new readiness assessment.
 */
import { useState } from 'react';
import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import { Link, useNavigate } from 'react-router';
import { getAssessment, listAssessments, reassess, startOrganisationAssessment, toApiError, type AssessmentDetail, type AssessmentSummary } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { AssessmentAreaChart, type AreaScore } from '../../components/assessment-area-chart';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusTag } from '../../components/status-tag';
import { hasAnyRole } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { findQuestion, formatScore, levelLabel, statusLabel, statusTone, t } from '../assessments/assessment-labels';
import '../assessments/assessments.css';

export const READINESS_KEY = 'readiness';
const READINESS_STARTERS = ['admin', 'governance_officer'] as const;

type Loaded = { latestApproved: AssessmentDetail | null; open: AssessmentSummary | null; rounds: AssessmentSummary[] };

async function loadReadiness(org: string, signal: AbortSignal): Promise<Loaded> {
  const { items } = await listAssessments(org, { templateKey: READINESS_KEY, subject: 'organisation' }, signal);
  const rounds = items.filter((a) => a.templateKey === READINESS_KEY && a.system === null).sort((a, b) => b.round - a.round);
  const approved = rounds.find((a) => a.status === 'approved') ?? null;
  const open = rounds.find((a) => a.status !== 'approved') ?? null;
  return { latestApproved: approved ? await getAssessment(org, approved.id, signal) : null, open, rounds };
}

export function areaScores(detail: AssessmentDetail): AreaScore[] {
  const type = detail.document.scoring?.baseScore;
  return detail.result.sections
    .filter((s) => s.questions > 0)
    .map((s) => {
      const section = detail.document.sections.find((x) => x.id === s.sectionId);
      const v = (type ? s.scores[type] : undefined) ?? Object.values(s.scores)[0] ?? { score: 0, max: 0 };
      return { id: s.sectionId, label: section ? t(section.title) : s.sectionId, score: v.score, max: v.max };
    });
}

export function ReadinessPage() {
  const org = useOrganisation();
  const data = useApiData((signal) => loadReadiness(org.slug, signal), [org.slug]);
  const d = data.data;
  const canStart = hasAnyRole(org.roles, READINESS_STARTERS);

  return (
    <Page title="AI readiness">
      <p className="usa-intro">
        How ready {org.name} is to use AI responsibly, in five areas: leadership commitment, technical infrastructure, staff capabilities, legal compliance and community
        engagement.
      </p>
      {data.error && <ApiErrorAlert error={data.error} onRetry={data.reload} />}
      {!d && !data.error && <p role="status">Loading the readiness assessment…</p>}
      {d && (
        <>
          <ButtonGroup className="margin-bottom-3">
            {d.open ? (
              <Link to={`/assessments/${d.open.id}`} className="usa-button">
                {d.open.status === 'submitted' ? 'Open the submitted readiness assessment' : 'Continue the readiness assessment in progress'}
              </Link>
            ) : (
              canStart && <StartButton previousId={d.latestApproved?.id ?? null} />
            )}
            <Link to="/tasks" className="usa-button usa-button--outline">
              Organisation tasks
            </Link>
          </ButtonGroup>
          {d.open && (
            <p>
              Round {d.open.round} is <StatusTag tone={statusTone(d.open.status)}>{statusLabel(d.open.status)}</StatusTag>: {d.open.progress.answered} of{' '}
              {d.open.progress.answerable} questions answered.
            </p>
          )}
          {d.latestApproved ? <Approved detail={d.latestApproved} /> : <NoneYet open={d.open !== null} />}
        </>
      )}
    </Page>
  );
}

function NoneYet({ open }: { open: boolean }) {
  return (
    <Alert type="info" headingLevel="h2" heading="No approved readiness assessment yet" className="margin-bottom-3">
      <p className="usa-alert__text">
        {open
          ? 'The chart and the gap report appear here once the assessment in progress is approved.'
          : 'Start one: answer about 30 questions about the organisation as it is today. Once it is approved you see a score per area and the gaps to close.'}
      </p>
    </Alert>
  );
}

function Approved({ detail }: { detail: AssessmentDetail }) {
  const areas = areaScores(detail);
  const gaps = detail.result.gaps;
  const bySection = new Map<string, typeof gaps>();
  for (const g of gaps) bySection.set(g.sectionId, [...(bySection.get(g.sectionId) ?? []), g]);
  const base = detail.document.scoring?.baseScore;
  return (
    <>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">
          Latest result: {levelLabel(detail.document, detail.level)}
        </h2>
        <p>
          Round {detail.round}, approved {detail.approvedAt ? <DateTime value={detail.approvedAt} dateOnly /> : ''}
          {detail.approvedBy ? ` by ${detail.approvedBy.name}` : ''}. Overall {formatScore(detail.result.current)} of {formatScore(base ? (detail.result.maxima[base] ?? 0) : 0)} points.{' '}
          <Link to={`/assessments/${detail.id}/result`} className="usa-link">
            Full result and reports
          </Link>
        </p>
        <AssessmentAreaChart id="readiness-chart" title="Readiness by area (share of the maximum points)" areas={areas} />
      </section>
      <section aria-labelledby="gaps-heading" className="margin-top-4">
        <h2 id="gaps-heading">Gap report</h2>
        {gaps.length === 0 ? (
          <p>No gaps: every answer reached the top of its scale.</p>
        ) : (
          <>
            <p>
              {gaps.length} answer{gaps.length === 1 ? '' : 's'} scored below the top of the scale. Each recommended action became an{' '}
              <Link to="/tasks" className="usa-link">
                organisation task
              </Link>{' '}
              with an owner and a due date.
            </p>
            {detail.document.sections
              .filter((s) => bySection.has(s.id))
              .map((s) => (
                <section key={s.id} aria-labelledby={`gap-${s.id}`}>
                  <h3 id={`gap-${s.id}`}>{t(s.title)}</h3>
                  <ul className="usa-list">
                    {(bySection.get(s.id) ?? []).map((g) => {
                      const q = findQuestion(detail.document, g.questionId)?.question;
                      return (
                        <li key={g.questionId} className="margin-bottom-1">
                          <strong>{t(g.recommendation)}</strong>
                          <br />
                          <span className="gb-muted">
                            {q ? t(q.title) : g.questionId} — {formatScore(g.score)} of {formatScore(g.max)} points
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              ))}
          </>
        )}
      </section>
    </>
  );
}

/** A new round: pre-filled from the last approved one when there is one. */
function StartButton({ previousId }: { previousId: string | null }) {
  const org = useOrganisation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = previousId ? (await reassess(org.slug, previousId)).assessment : await startOrganisationAssessment(org.slug, READINESS_KEY);
      void navigate(`/assessments/${created.id}`, {
        state: { notice: `Readiness assessment started${previousId ? ', pre-filled from the last approved round' : ''}. Answers are saved as you type.` },
      });
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="button" disabled={busy} onClick={() => void start()}>
        {busy ? 'Starting…' : 'Start readiness assessment'}
      </Button>
      {error && (
        <Alert type="error" headingLevel="h2" slim role="alert">
          {error}
        </Alert>
      )}
    </>
  );
}
