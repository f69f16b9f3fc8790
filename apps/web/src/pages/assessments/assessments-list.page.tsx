/**
 * Every assessment in the organisation (/assessments), filtered by status, newest first, with a way
 * to each system's and to readiness; the approved ones due for reassessment (past their due date or
 * flagged after a material change) called out; and for administrators and governance officers a way
 * to start an assessment of the organisation itself on any published organisation template.
 */
import { useSearchParams } from 'react-router';
import { Link } from 'react-router';
import { Alert } from '@trussworks/react-uswds';
import { ASSESSMENT_STATUSES, listAssessments, listAssessmentTemplates, startOrganisationAssessment, type AssessmentStatus, type AssessmentSummary } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { AssessmentStartControl, startableTemplates } from '../../components/assessment-start-control';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { hasAnyRole } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { ASSESSMENT_STATUS_LABELS, REVIEWER_ROLES } from './assessment-labels';
import { AssessmentTable } from './system-assessments.page';

const isStatus = (v: string | null): v is AssessmentStatus => v !== null && (ASSESSMENT_STATUSES as readonly string[]).includes(v);

export function AssessmentsListPage() {
  const org = useOrganisation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : '';
  const list = useApiData((signal) => listAssessments(org.slug, { status }, signal), [org.slug, status]);
  // Starting an assessment of the organisation is for administrators and governance officers (the route's orgEditors).
  const canStart = hasAnyRole(org.roles, REVIEWER_ROLES);

  return (
    <Page title="Assessments">
      <p className="usa-intro">
        Impact assessments, rights assessments and reviews of the organisation’s AI systems, and its readiness assessments. Start a system’s assessments from its page; see{' '}
        <Link to="/readiness" className="usa-link">
          readiness
        </Link>{' '}
        for the organisation’s own.
      </p>
      {list.data && <DueForReassessment items={list.data.items.filter((a) => a.reassessmentDue)} />}
      <form className="usa-form" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="assessment-status"
          label="Status"
          value={status}
          onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
          options={[{ value: '', label: 'Any status' }, ...ASSESSMENT_STATUSES.map((s) => ({ value: s, label: ASSESSMENT_STATUS_LABELS[s] }))]}
        />
      </form>
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <p role="status">Loading the assessments…</p>}
      {list.data && (
        <>
          <p role="status" className="margin-top-3">
            {list.data.items.length} assessment{list.data.items.length === 1 ? '' : 's'}
            {status ? ` ${ASSESSMENT_STATUS_LABELS[status].toLowerCase()}` : ''}.
          </p>
          <AssessmentTable items={list.data.items} caption="Assessments" showSystem />
        </>
      )}
      {canStart && <StartOrganisationAssessment />}
    </Page>
  );
}

function DueForReassessment({ items }: { items: readonly AssessmentSummary[] }) {
  if (items.length === 0) return null;
  return (
    <Alert type="warning" headingLevel="h2" heading={`${items.length} approved assessment${items.length === 1 ? ' is' : 's are'} due for reassessment`} className="margin-bottom-3">
      <ul className="usa-list">
        {items.map((a) => (
          <li key={a.id}>
            <Link to={`/assessments/${a.id}/result`} className="usa-link">
              {a.templateTitle}
            </Link>{' '}
            {a.system ? `for ${a.system.name}` : 'of the organisation'}:{' '}
            {a.reassessmentDueReason ?? (a.dueDate ? <>due since <DateTime value={a.dueDate} dateOnly /></> : 'due')}
          </li>
        ))}
      </ul>
      <p className="usa-alert__text">Open the result and start a reassessment: it starts from the approved answers.</p>
    </Alert>
  );
}

/** Templates about the organisation itself (readiness, or one of its own), not yet started. */
function StartOrganisationAssessment() {
  const org = useOrganisation();
  const data = useApiData(
    async (signal) => {
      const [templates, existing] = await Promise.all([listAssessmentTemplates(org.slug, signal), listAssessments(org.slug, { subject: 'organisation', limit: 1000 }, signal)]);
      return startableTemplates(templates.items, 'organisation', existing.items);
    },
    [org.slug],
  );
  return (
    <section aria-labelledby="start-org-heading" className="margin-top-4">
      <h2 id="start-org-heading">Start an assessment of the organisation</h2>
      <p>Templates about the organisation as a whole rather than one AI system, such as readiness or one your organisation imported.</p>
      {data.error && <ApiErrorAlert error={data.error} onRetry={data.reload} heading="The templates could not be loaded" />}
      {!data.data && !data.error && <p role="status">Loading the templates…</p>}
      {data.data && (
        <AssessmentStartControl
          id="organisation-template"
          templates={data.data}
          start={(key) => startOrganisationAssessment(org.slug, key)}
          none="Every published template about the organisation has been started already: continue or reassess it from the list above."
        />
      )}
    </section>
  );
}
