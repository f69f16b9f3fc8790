/**
 * Screen a system: the questionnaire, pre-filled from the latest screening when there is one, and
 * saved as a new screening that updates the system's classification and obligations.
 */
import { Alert } from '@trussworks/react-uswds';
import { Link, useNavigate, useParams } from 'react-router';
import { recordScreening, type AiSystem, type Screening } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { canEditSystem } from '../inventory/inventory-rules';
import { draftFromAnswers, emptyDraft, type Draft } from './screening-draft';
import { loadSystemScreening } from './screening-data';
import { ScreeningForm } from './screening-form';

/** The earlier answers, with the facts the server checks against the system taken from the record as it is now. */
function initialDraft(system: AiSystem, latest: Screening | null): Draft {
  const facts = { decisionRole: system.decisionRole, personalData: system.personalData };
  if (!latest) return emptyDraft(facts);
  const draft = draftFromAnswers(latest.answers);
  return { ...draft, values: { ...draft.values, 'facts.decisionRole': facts.decisionRole, 'facts.personalData': facts.personalData ? 'yes' : 'no' } };
}

export function ScreeningPage() {
  const { systemId = '' } = useParams();
  const org = useOrganisation();
  const session = useSession();
  const navigate = useNavigate();
  const data = useApiData((signal) => loadSystemScreening(org.slug, systemId, signal), [org.slug, systemId]);
  const system = data.data?.system;
  const latest = data.data?.latest ?? null;

  return (
    <Page title={system ? `Screen ${system.name}` : 'Screen a system'}>
      {data.error && <ApiErrorAlert error={data.error} onRetry={data.error.status === 404 ? undefined : data.reload} heading={data.error.status === 404 ? 'There is no such AI system' : undefined} />}
      {!data.data && !data.error && <p role="status">Loading the questionnaire…</p>}
      {system && !canEditSystem(org.roles, session.user.id, system) && (
        <Alert type="info" headingLevel="h2" heading="You cannot screen this system" className="margin-bottom-3">
          <p className="usa-alert__text">Only its owner, governance officers and administrators can screen it.</p>
        </Alert>
      )}
      {system && canEditSystem(org.roles, session.user.id, system) && (
        <>
          <p className="usa-intro">
            Answer in plain terms about how {system.name} is used. The answers decide its risk tier under each framework and the obligations that follow.
          </p>
          {latest ? (
            <p>
              The answers of the last screening, on <DateTime value={latest.createdAt} dateOnly />, are filled in. Change what is no longer true.
            </p>
          ) : (
            <p>Answer “Not sure” rather than guess: the result lists what is still open.</p>
          )}
          <ScreeningForm
            key={latest?.id ?? 'first'}
            initial={initialDraft(system, latest)}
            systemFacts="fixed"
            submitLabel="Save the screening"
            cancelTo={`/systems/${system.id}`}
            onSubmit={async (answers) => {
              await recordScreening(org.slug, system.id, answers);
              void navigate(`/systems/${system.id}/screening/result`, { state: { notice: 'The screening has been saved.' } });
            }}
          />
        </>
      )}
      <p className="margin-top-4">
        <Link to={`/systems/${systemId}`} className="usa-link">
          Back to the system
        </Link>
      </p>
    </Page>
  );
}
