/** Every assessment in the organisation (/assessments), filtered by status, newest first, with a way to each system's and to readiness. */
import { useSearchParams } from 'react-router';
import { Link } from 'react-router';
import { ASSESSMENT_STATUSES, listAssessments, type AssessmentStatus } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { ASSESSMENT_STATUS_LABELS } from './assessment-labels';
import { AssessmentTable } from './system-assessments.page';

const isStatus = (v: string | null): v is AssessmentStatus => v !== null && (ASSESSMENT_STATUSES as readonly string[]).includes(v);

export function AssessmentsListPage() {
  const org = useOrganisation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : '';
  const list = useApiData((signal) => listAssessments(org.slug, { status }, signal), [org.slug, status]);

  return (
    <Page title="Assessments">
      <p className="usa-intro">
        Impact assessments, rights assessments and reviews of the organisation’s AI systems, and its readiness assessments. Start a system’s assessments from its page; see{' '}
        <Link to="/readiness" className="usa-link">
          readiness
        </Link>{' '}
        for the organisation’s own.
      </p>
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
    </Page>
  );
}
