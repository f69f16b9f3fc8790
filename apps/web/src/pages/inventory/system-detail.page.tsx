/**
 * One AI system: its stage on the lifecycle, its classification when it has been screened, every
 * recorded detail, and — for those who may change it — editing, moving to another stage and archiving.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, ButtonGroup, StepIndicator, StepIndicatorStep } from '@trussworks/react-uswds';
import { Link, useParams } from 'react-router';
import { getSystem, recordMaterialChange, toApiError, type AiSystem, type ApiError, type Lifecycle } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AssessmentSystemPanel } from '../../components/assessment-system-panel';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { TextareaField } from '../../components/textarea-field';
import { useHandedOverNotice } from '../../use-handed-over-notice';
import { ObligationsLink } from '../obligations/obligations-link';
import { NOTICE_MAKER_ROLES } from '../notices/notice-labels';
import { hasAnyRole } from '../../roles';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { ArchiveControls } from './archive-controls';
import { ChangeStage } from './change-stage';
import { ClassificationBox } from './classification-box';
import { DECISION_ROLE_DESCRIPTIONS, DECISION_ROLE_LABELS, LIFECYCLE_LABELS, SOURCING_LABELS, VISIBILITY_LABELS, yesNo } from './inventory-labels';
import { canEditSystem, lifecyclePath } from './inventory-rules';
import { LifecycleTag } from './inventory-tags';
import './inventory.css';

export function SystemDetailPage() {
  const { systemId = '' } = useParams();
  const org = useOrganisation();
  const session = useSession();
  const system = useApiData((signal) => getSystem(org.slug, systemId, signal), [org.slug, systemId]);
  const [status, setStatus] = useState<string | null>(null);

  useHandedOverNotice(setStatus);

  const data = system.data;
  return (
    <Page title={data?.name ?? 'AI system'}>
      <StatusMessage message={status} />
      {system.error && <NotLoaded error={system.error} onRetry={system.reload} />}
      {!data && !system.error && <p role="status">Loading the system…</p>}
      {data && (
        <SystemView
          system={data}
          canEdit={canEditSystem(org.roles, session.user.id, data)}
          roles={org.roles}
          onChanged={(updated, message) => {
            system.setData(updated);
            setStatus(message);
          }}
        />
      )}
    </Page>
  );
}

function NotLoaded({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <>
      <ApiErrorAlert error={error} onRetry={error.status === 404 ? undefined : onRetry} heading={error.status === 404 ? 'There is no such AI system' : undefined} />
      <p>
        <Link to="/systems" className="usa-link">
          Back to AI systems
        </Link>
      </p>
    </>
  );
}

type ViewProps = { system: AiSystem; canEdit: boolean; roles: readonly string[]; onChanged: (system: AiSystem, message: string) => void };

function SystemView({ system, canEdit, roles, onChanged }: ViewProps) {
  const archived = Boolean(system.archivedAt);
  return (
    <>
      <div className="gb-stage-line">
        <span>
          Stage: <LifecycleTag stage={system.lifecycle} />
        </span>
        {archived && <StatusTag tone="neutral">Archived</StatusTag>}
        <span className="gb-muted">
          Version {system.version}, last changed <DateTime value={system.updatedAt} />
        </span>
      </div>
      {archived && (
        <Alert type="info" headingLevel="h2" heading="This system is archived" className="margin-bottom-3">
          <p className="usa-alert__text">
            It was archived on <DateTime value={system.archivedAt} />. It is left out of the inventory list and cannot be changed until it is restored. Its
            history is kept.
          </p>
        </Alert>
      )}
      <ButtonGroup className="margin-bottom-4">
        {canEdit && !archived && (
          <Link to={`/systems/${system.id}/edit`} className="usa-button">
            Edit details
          </Link>
        )}
        <Link to={`/systems/${system.id}/history`} className="usa-button usa-button--outline">
          View history
        </Link>
        <ObligationsLink systemId={system.id} />
        <Link to={`/systems/${system.id}/register`} className="usa-button usa-button--outline">
          Public register entry
        </Link>
        {hasAnyRole(roles, NOTICE_MAKER_ROLES) && !archived && (
          <Link to={`/systems/${system.id}/notices`} className="usa-button usa-button--outline">
            Notices
          </Link>
        )}
        {canEdit && !archived && (
          <Link to={`/systems/${system.id}/screening`} className="usa-button usa-button--outline">
            {system.classification ? 'Screen again' : 'Screen this system'}
          </Link>
        )}
        {system.classification && (
          <Link to={`/systems/${system.id}/screening/result`} className="usa-button usa-button--outline">
            See the screening result
          </Link>
        )}
        {canEdit && !archived && <MaterialChangeButton system={system} onRecorded={(message) => onChanged(system, message)} />}
      </ButtonGroup>

      <ClassificationBox system={system} />
      <AssessmentSystemPanel systemId={system.id} />

      <section aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading" tabIndex={-1}>
          Lifecycle
        </h2>
        <LifecycleSteps stage={system.lifecycle} />
        {canEdit && !archived && <ChangeStage key={`${system.lifecycle}-${system.version}`} system={system} roles={roles} onMoved={onChanged} />}
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <SystemDetails system={system} />
      </section>

      {canEdit && <ArchiveControls system={system} onChanged={onChanged} />}
    </>
  );
}

/**
 * A material change the fields do not show (a retrained model, a new data source, a new group of
 * people): with the reason, the system's approved assessments that ask for it become due again.
 */
function MaterialChangeButton({ system, onRecorded }: { system: AiSystem; onRecorded: (message: string) => void }) {
  const org = useOrganisation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);

  const onConfirm = async () => {
    if (reason.trim().length < 3) {
      setFieldError('Say what changed.');
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      const outcome = await recordMaterialChange(org.slug, system.id, reason);
      setOpen(false);
      setReason('');
      const n = outcome.assessments.length;
      onRecorded(
        n === 0
          ? 'The material change has been recorded. No approved assessment asks to be redone after one.'
          : `The material change has been recorded. ${n === 1 ? 'One approved assessment is' : `${n} approved assessments are`} now due for reassessment.`,
      );
    } catch (err) {
      const apiError = toApiError(err);
      setFieldError(apiError.fields['reason']);
      setError(apiError.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="button" outline onClick={() => setOpen(true)}>
        Record a material change
      </Button>
      {open && (
        <ConfirmDialog title="Record a material change" confirmLabel="Record the change" onConfirm={() => void onConfirm()} onCancel={() => setOpen(false)} busy={busy} error={error}>
          <p>
            Approved assessments of {system.name} whose template asks to be redone after a material change will be marked due for reassessment, with your reason.
          </p>
          <TextareaField
            id="material-change-reason"
            label="What changed"
            hint="For example: the model was retrained, a new data source was added, it is now used for a new group of people."
            value={reason}
            onChange={setReason}
            error={fieldError}
            maxLength={2000}
            required
          />
        </ConfirmDialog>
      )}
    </>
  );
}

/** The usual road through the lifecycle, with the system's place on it (side roads shown only when it is on one). */
function LifecycleSteps({ stage }: { stage: Lifecycle }) {
  const path = lifecyclePath(stage);
  const current = path.indexOf(stage);
  return (
    <StepIndicator headingLevel="h3" counters="small" divProps={{ role: 'group', 'aria-label': 'Lifecycle stages' }}>
      {path.map((step, i) => (
        <StepIndicatorStep key={step} label={LIFECYCLE_LABELS[step]} status={i < current ? 'complete' : i === current ? 'current' : 'incomplete'} />
      ))}
    </StepIndicator>
  );
}

const notGiven = 'Not given';
const text = (value: string): string => value.trim() || notGiven;

/** Every recorded field, in the order the form asks for them; empty texts say so rather than vanish. */
function SystemDetails({ system }: { system: AiSystem }) {
  const rows: Array<[string, ReactNode]> = [
    ['Purpose', text(system.purpose)],
    ['Plain-language description', text(system.description)],
    ['Unit', system.unit?.name ?? 'No unit'],
    ['Owner', system.owner.displayName],
    ['Sourcing', SOURCING_LABELS[system.sourcing]],
  ];
  if (system.sourcing !== 'in_house' || system.supplier) rows.push([system.sourcing === 'procured' ? 'Supplier' : 'Provider', system.supplier ?? notGiven]);
  rows.push(
    [
      'Role in decisions',
      <>
        <strong>{DECISION_ROLE_LABELS[system.decisionRole]}.</strong> {DECISION_ROLE_DESCRIPTIONS[system.decisionRole]}
      </>,
    ],
    ['Who is affected', text(system.affectedPeople)],
    ['Data categories', system.dataCategories.length > 0 ? system.dataCategories.join(', ') : 'None recorded'],
    ['Personal data', yesNo(system.personalData)],
    ['Human oversight', text(system.humanOversight)],
    ['Public register', VISIBILITY_LABELS[system.publicVisibility]],
    [
      'Tags',
      system.tags.length > 0 ? (
        <ul className="gb-tag-list">
          {system.tags.map((tag) => (
            <li key={tag}>
              <Link to={`/systems?tag=${encodeURIComponent(tag)}`} className="usa-link">
                {tag}
                <span className="usa-sr-only"> (show systems with this tag)</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        'None'
      ),
    ],
    ['Registered', <DateTime key="created" value={system.createdAt} />],
    ['Web address name', <code key="slug">{system.slug}</code>],
  );
  return (
    <dl className="gb-summary">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
