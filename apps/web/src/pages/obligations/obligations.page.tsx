/**
 * A system's obligations (/systems/:id/obligations): how far it is (met, in progress, open, not
 * applicable; before deployment and in operation), then each obligation grouped by phase with its
 * evidence and, for those who may, forms to change it. Obligations a later screening no longer
 * requires sit in a closed section with their evidence kept.
 */
import { useState, type ReactNode } from 'react';
import { Accordion, Alert } from '@trussworks/react-uswds';
import { Link, useParams } from 'react-router';
import { getSystem, listPeople, listObligations, OBLIGATION_PHASES, type Obligation, type ObligationPhase } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { hasAnyRole } from '../../roles';
import { ObligationItem } from './obligation-item';
import { canAddEvidence, canUpdateObligations, isDone, PHASE_DESCRIPTIONS, PHASE_LABELS } from './obligation-labels';
import { ObligationProgress } from './obligation-progress';
import './obligations.css';

export function ObligationsPage() {
  const { systemId = '' } = useParams();
  const org = useOrganisation();
  const session = useSession();
  const system = useApiData((signal) => getSystem(org.slug, systemId, signal), [org.slug, systemId]);
  const obligations = useApiData((signal) => listObligations(org.slug, systemId, 'any', signal), [org.slug, systemId]);
  // Those who may change an obligation's owner may list the people to choose from.
  const canPick = hasAnyRole(org.roles, ['admin', 'governance_officer', 'system_owner']);
  const members = useApiData((signal) => (canPick ? listPeople(org.slug, {}, signal) : Promise.resolve(null)), [org.slug, canPick]);
  const [status, setStatus] = useState<string | null>(null);

  const error = system.error ?? obligations.error;
  const name = system.data?.name;
  const items = obligations.data?.items;
  const canUpdate = system.data ? canUpdateObligations(org.roles, session.user.id, system.data) && !system.data.archivedAt : false;

  const replace = (updated: Obligation, message: string) => {
    obligations.setData((current) => current && { ...current, items: current.items.map((o) => (o.id === updated.id ? updated : o)) });
    setStatus(message);
  };

  return (
    <Page title={name ? `Obligations: ${name}` : 'Obligations'} heading={name ? <>Obligations <span className="gb-muted gb-h1-sub">for {name}</span></> : 'Obligations'}>
      <p>
        <Link to={`/systems/${systemId}`} className="usa-link">
          Back to {name ?? 'the system'}
        </Link>
      </p>
      <StatusMessage message={status} />
      {error && <ApiErrorAlert error={error} onRetry={error.status === 404 ? undefined : () => (system.error ? system.reload() : obligations.reload())} />}
      {!error && (!items || !system.data) && <p role="status">Loading the obligations…</p>}
      {!error && items && system.data && (
        <>
          {items.length === 0 && (
            <Alert type="info" headingLevel="h2" heading="No obligations yet" className="margin-bottom-3">
              <p className="usa-alert__text">
                {system.data.classification
                  ? 'The latest screening found nothing this system must do.'
                  : 'Obligations come from screening the system: screen it to find out what it must do before and after it goes into service.'}
              </p>
            </Alert>
          )}
          {items.length > 0 && <ObligationProgress items={items.filter((o) => !o.retiredAt)} />}
          {OBLIGATION_PHASES.map((phase) => (
            <PhaseGroup
              key={phase}
              phase={phase}
              items={items.filter((o) => o.phase === phase && !o.retiredAt)}
              render={(o) => (
                <ObligationItem
                  key={o.id}
                  systemId={systemId}
                  obligation={o}
                  canUpdate={canUpdate}
                  canManageEvidence={canAddEvidence(canUpdate, session.user.id, o)}
                  members={members.data?.items ?? null}
                  onChanged={replace}
                />
              )}
            />
          ))}
          <Retired
            items={items.filter((o) => o.retiredAt)}
            render={(o) => <ObligationItem key={o.id} systemId={systemId} obligation={o} canUpdate={false} canManageEvidence={false} members={null} onChanged={replace} />}
          />
        </>
      )}
    </Page>
  );
}

type GroupProps = { phase: ObligationPhase; items: Obligation[]; render: (o: Obligation) => ReactNode };

function PhaseGroup({ phase, items, render }: GroupProps) {
  if (items.length === 0) return null;
  const done = items.filter((o) => isDone(o.status)).length;
  return (
    <section aria-labelledby={`phase-${phase}`} className="margin-top-5">
      <h2 id={`phase-${phase}`}>
        {PHASE_LABELS[phase]}{' '}
        <span className="gb-muted gb-h2-sub">
          ({done} of {items.length} done)
        </span>
      </h2>
      <p>{PHASE_DESCRIPTIONS[phase]}</p>
      {items.map(render)}
    </section>
  );
}

function Retired({ items, render }: { items: Obligation[]; render: (o: Obligation) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="retired-heading" className="margin-top-5">
      <h2 id="retired-heading">No longer required</h2>
      <p>A later screening no longer asks for these. They are kept, with their evidence, as a record of what was done.</p>
      <Accordion
        bordered
        items={[
          {
            id: 'retired-obligations',
            title: `${items.length} obligation${items.length === 1 ? '' : 's'} no longer required`,
            expanded: false,
            headingLevel: 'h3',
            content: <div className="gb-retired">{items.map(render)}</div>,
          },
        ]}
      />
    </section>
  );
}
