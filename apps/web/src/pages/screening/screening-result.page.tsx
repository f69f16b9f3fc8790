/** The result of a system's latest screening: tiers, legal bases, duties, open questions and obligations. */
import { useState } from 'react';
import { ButtonGroup } from '@trussworks/react-uswds';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { useHandedOverNotice } from '../../use-handed-over-notice';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { canEditSystem } from '../inventory/inventory-rules';
import { ResultView } from './result-view';
import { loadSystemScreening } from './screening-data';

export function ScreeningResultPage() {
  const { systemId = '' } = useParams();
  const org = useOrganisation();
  const session = useSession();
  const data = useApiData((signal) => loadSystemScreening(org.slug, systemId, signal), [org.slug, systemId]);
  const [status, setStatus] = useState<string | null>(null);

  useHandedOverNotice(setStatus);

  const system = data.data?.system;
  const latest = data.data?.latest;
  const canScreen = system ? canEditSystem(org.roles, session.user.id, system) : false;
  const questionnaire = `/systems/${systemId}/screening`;

  return (
    <Page title={system ? `Screening result: ${system.name}` : 'Screening result'}>
      <StatusMessage message={status} />
      {data.error && <ApiErrorAlert error={data.error} onRetry={data.error.status === 404 ? undefined : data.reload} heading={data.error.status === 404 ? 'There is no such AI system' : undefined} />}
      {!data.data && !data.error && <p role="status">Loading the result…</p>}
      {system && latest === null && (
        <p>
          {system.name} has not been screened yet.{' '}
          {canScreen && (
            <Link to={questionnaire} className="usa-link">
              Screen it now
            </Link>
          )}
        </p>
      )}
      {system && latest && (
        <>
          <p className="gb-muted">
            Screened on <DateTime value={latest.createdAt} /> by {latest.createdBy.label}, with rules version {latest.rulesVersion}.
          </p>
          <ResultView result={latest.result} level={2} questionnairePath={canScreen ? questionnaire : undefined} obligationsPath={`/systems/${system.id}/obligations`} />
          <ButtonGroup className="margin-top-4">
            {canScreen && (
              <Link to={questionnaire} className="usa-button">
                Screen again
              </Link>
            )}
            <Link to={`/systems/${system.id}`} className="usa-button usa-button--outline">
              Back to the system
            </Link>
          </ButtonGroup>
        </>
      )}
    </Page>
  );
}
