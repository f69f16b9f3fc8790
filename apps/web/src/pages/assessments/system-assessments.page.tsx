/**
 * A system's assessments (/systems/:id/assessments): the ones its classification and the
 * organisation's rules call for, each with why and a way to start it or carry on, a way to start any
 * other published system template (a voluntary one, or the organisation's own such as an imported
 * Canadian AIA), then every round it has had with status, level, progress and due date.
 */
import { useState } from 'react';
import { Alert, Button } from '@trussworks/react-uswds';
import { Link, useNavigate, useParams } from 'react-router';
import { getSystem, listAssessmentTemplates, listSystemAssessments, startSystemAssessment, toApiError, type AssessmentSummary, type NeededAssessment, type SystemAssessments } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { AssessmentStartControl, startableTemplates } from '../../components/assessment-start-control';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusTag } from '../../components/status-tag';
import { hasAnyRole } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { ASSESSMENT_STARTER_ROLES, statusLabel, statusTone } from './assessment-labels';
import './assessments.css';

const latestOf = (n: NeededAssessment): AssessmentSummary | null => n.latest ?? n.assessment ?? null;

export function SystemAssessmentsPage() {
  const { systemId = '' } = useParams();
  const org = useOrganisation();
  const system = useApiData((signal) => getSystem(org.slug, systemId, signal), [org.slug, systemId]);
  const data = useApiData((signal) => listSystemAssessments(org.slug, systemId, signal), [org.slug, systemId]);
  const name = system.data?.name;
  const error = system.error ?? data.error;
  const canStart = hasAnyRole(org.roles, ASSESSMENT_STARTER_ROLES) && !system.data?.archivedAt;

  return (
    <Page title={name ? `Assessments: ${name}` : 'Assessments'} heading={name ? <>Assessments <span className="gb-muted gb-h1-sub">for {name}</span></> : 'Assessments'}>
      <p>
        <Link to={`/systems/${systemId}`} className="usa-link">
          Back to {name ?? 'the system'}
        </Link>
      </p>
      {error && <ApiErrorAlert error={error} onRetry={error.status === 404 ? undefined : () => (system.error ? system.reload() : data.reload())} />}
      {!error && (!data.data || !system.data) && <p role="status">Loading the assessments…</p>}
      {!error && data.data && system.data && (
        <>
          <section aria-labelledby="needed-heading">
            <h2 id="needed-heading">Assessments this system needs</h2>
            {data.data.needed.length === 0 ? (
              <p>
                {system.data.classification
                  ? 'Its latest screening and the organisation’s rules call for no assessment.'
                  : 'Screen the system first: its classification decides which assessments it needs.'}
              </p>
            ) : (
              <ul className="usa-card-group">
                {data.data.needed.map((n) => (
                  <NeededCard key={n.templateKey} systemId={systemId} needed={n} canStart={canStart} />
                ))}
              </ul>
            )}
          </section>
          {canStart && <StartAnother systemId={systemId} assessments={data.data} />}
          <section aria-labelledby="rounds-heading" className="margin-top-4">
            <h2 id="rounds-heading">All assessments</h2>
            <AssessmentTable items={data.data.items} caption={`Every assessment of ${name ?? 'the system'}, newest round first`} />
          </section>
        </>
      )}
    </Page>
  );
}

/** Templates the rules do not call for; the needed ones have their own Start above. */
function StartAnother({ systemId, assessments }: { systemId: string; assessments: SystemAssessments }) {
  const org = useOrganisation();
  const templates = useApiData((signal) => listAssessmentTemplates(org.slug, signal), [org.slug]);
  return (
    <section aria-labelledby="another-heading" className="margin-top-4">
      <h2 id="another-heading">Start another assessment</h2>
      <p>Any other published template about an AI system can be used too, for example a voluntary impact assessment or one your organisation imported.</p>
      {templates.error && <ApiErrorAlert error={templates.error} onRetry={templates.reload} heading="The templates could not be loaded" />}
      {!templates.data && !templates.error && <p role="status">Loading the templates…</p>}
      {templates.data && (
        <AssessmentStartControl
          id="another-template"
          templates={startableTemplates(
            templates.data.items,
            'system',
            assessments.items,
            assessments.needed.map((n) => n.templateKey),
          )}
          start={(key) => startSystemAssessment(org.slug, systemId, key)}
          none="Every published template about AI systems has been started for this system already, or is listed above."
        />
      )}
    </section>
  );
}

function NeededCard({ systemId, needed, canStart }: { systemId: string; needed: NeededAssessment; canStart: boolean }) {
  const org = useOrganisation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = latestOf(needed);
  const headingId = `needed-${needed.templateKey}`;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await startSystemAssessment(org.slug, systemId, needed.templateKey);
      void navigate(`/assessments/${created.id}`, { state: { notice: `“${needed.title}” started. Answers are saved as you type.` } });
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };

  return (
    <li className="usa-card tablet:grid-col-6 desktop:grid-col-4">
      <div className="usa-card__container">
        <div className="usa-card__header">
          <h3 id={headingId} className="usa-card__heading">
            {needed.title}
          </h3>
        </div>
        <div className="usa-card__body">
          <p className="margin-bottom-05 text-bold">Why it is needed</p>
          <ul className="usa-list margin-top-0">
            {needed.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {latest ? (
            <p>
              Round {latest.round}: <StatusTag tone={statusTone(latest.status)}>{statusLabel(latest.status)}</StatusTag>
              {latest.level && <> · level {latest.level}</>}
              {latest.status !== 'approved' && (
                <>
                  {' '}
                  · {latest.progress.answered} of {latest.progress.answerable} answered
                </>
              )}
              {latest.reassessmentDue && (
                <>
                  {' '}
                  <StatusTag tone="warning">Reassessment due</StatusTag>
                </>
              )}
            </p>
          ) : (
            <p>Not started yet.</p>
          )}
          {error && (
            <Alert type="error" headingLevel="h4" slim role="alert">
              {error}
            </Alert>
          )}
        </div>
        <div className="usa-card__footer">
          {latest && latest.status !== 'approved' && (
            <Link to={`/assessments/${latest.id}`} className="usa-button">
              {latest.status === 'submitted' ? 'Open' : 'Continue'}
              <span className="usa-sr-only"> “{needed.title}”</span>
            </Link>
          )}
          {latest && latest.status === 'approved' && (
            <Link to={`/assessments/${latest.id}/result`} className="usa-button usa-button--outline">
              See the result<span className="usa-sr-only"> of “{needed.title}”</span>
            </Link>
          )}
          {!latest && canStart && (
            <Button type="button" disabled={busy} onClick={() => void start()}>
              {busy ? 'Starting…' : 'Start'}
              <span className="usa-sr-only"> “{needed.title}”</span>
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}

export function AssessmentTable({ items, caption, showSystem = false }: { items: readonly AssessmentSummary[]; caption: string; showSystem?: boolean }) {
  if (items.length === 0) return <p>No assessments yet.</p>;
  return (
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={caption}>
      <table className="usa-table usa-table--borderless width-full">
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Assessment</th>
            {showSystem && <th scope="col">About</th>}
            <th scope="col">Round</th>
            <th scope="col">Status</th>
            <th scope="col">Level</th>
            <th scope="col">Progress</th>
            <th scope="col">Next due</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={a.status === 'approved' ? `/assessments/${a.id}/result` : `/assessments/${a.id}`} className="usa-link">
                  {a.templateTitle}
                </Link>
              </th>
              {showSystem && <td>{a.system ? <Link to={`/systems/${a.system.id}`} className="usa-link">{a.system.name}</Link> : 'The organisation'}</td>}
              <td>{a.round}</td>
              <td>
                <StatusTag tone={statusTone(a.status)}>{statusLabel(a.status)}</StatusTag>
                {a.reassessmentDue && (
                  <>
                    {' '}
                    <StatusTag tone="warning">Reassessment due</StatusTag>
                  </>
                )}
              </td>
              <td>{a.level ?? '—'}</td>
              <td>
                {a.progress.answered} of {a.progress.answerable}
              </td>
              <td>{a.dueDate ? <DateTime value={a.dueDate} dateOnly /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
