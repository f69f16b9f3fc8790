/** Change the details of a system. Only the fields that changed are sent, so two people editing different fields do not undo each other. */
import { Alert } from '@trussworks/react-uswds';
import { Link, useNavigate, useParams } from 'react-router';
import { getSystem, updateSystem, type AiSystem, type SystemChanges, type SystemFields } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { canEditSystem } from './inventory-rules';
import { SystemForm } from './system-form';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function currentFields(system: AiSystem): SystemFields {
  return {
    name: system.name,
    purpose: system.purpose,
    description: system.description,
    unitId: system.unit?.id ?? null,
    ownerId: system.owner.id,
    sourcing: system.sourcing,
    supplier: system.supplier,
    decisionRole: system.decisionRole,
    affectedPeople: system.affectedPeople,
    dataCategories: system.dataCategories,
    personalData: system.personalData,
    humanOversight: system.humanOversight,
    publicVisibility: system.publicVisibility,
    tags: system.tags,
  };
}

function changesBetween(before: SystemFields, after: SystemFields): Partial<SystemFields> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof SystemFields)[]) if (!same(before[key], after[key])) changes[key] = after[key];
  return changes as Partial<SystemFields>;
}

export function EditSystemPage() {
  const { systemId = '' } = useParams();
  const org = useOrganisation();
  const session = useSession();
  const navigate = useNavigate();
  const system = useApiData((signal) => getSystem(org.slug, systemId, signal), [org.slug, systemId]);
  const detailPath = `/systems/${encodeURIComponent(systemId)}`;

  if (system.error) {
    return (
      <Page title="Edit AI system">
        <ApiErrorAlert error={system.error} onRetry={system.error.status === 404 ? undefined : system.reload} />
        <p>
          <Link to="/systems" className="usa-link">
            Back to AI systems
          </Link>
        </p>
      </Page>
    );
  }
  if (!system.data) {
    return (
      <Page title="Edit AI system">
        <p role="status">Loading the system…</p>
      </Page>
    );
  }

  const current = system.data;
  const title = `Edit ${current.name}`;
  if (!canEditSystem(org.roles, session.user.id, current) || current.archivedAt) {
    return (
      <Page title={title}>
        <Alert type="info" headingLevel="h2" heading="You cannot change this system" className="margin-bottom-3">
          <p className="usa-alert__text">
            {current.archivedAt
              ? 'It is archived. Restore it from its page before changing it.'
              : 'Only its owner, a governance officer or an administrator can change it.'}
          </p>
        </Alert>
        <p>
          <Link to={detailPath} className="usa-link">
            Back to {current.name}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={title}>
      <p className="usa-intro">Each save makes a new version; the history keeps every earlier one.</p>
      <SystemForm
        key={current.id}
        system={current}
        submitLabel="Save changes"
        cancelTo={detailPath}
        onSubmit={async (fields, reason) => {
          const changes: SystemChanges = changesBetween(currentFields(current), fields);
          if (Object.keys(changes).length === 0) {
            void navigate(detailPath, { state: { notice: 'You did not change anything, so nothing was saved.' } });
            return;
          }
          if (reason) changes.reason = reason;
          const updated = await updateSystem(org.slug, current.id, changes);
          void navigate(detailPath, { state: { notice: `Your changes to ${updated.name} have been saved (version ${updated.version}).` } });
        }}
      />
    </Page>
  );
}
