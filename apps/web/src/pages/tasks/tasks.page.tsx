/**
 * Organisation tasks (/tasks): work the organisation has to do that belongs to no single system —
 * above all the recommended actions of an approved readiness assessment. Filtered by status; each
 * task shows where it came from, and administrators and governance officers change its status,
 * owner and due date (a task's owner changes its status).
 */
import { useState, type FormEvent } from 'react';
import { Accordion, Button, Form } from '@trussworks/react-uswds';
import { Link, useSearchParams } from 'react-router';
import { listPeople, listTasks, TASK_STATUSES, updateTask, type Person, type OrganisationTask, type TaskChanges, type TaskStatus } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { TextareaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { formErrorsFrom } from '../../forms';
import { hasAnyRole } from '../../roles';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { TASK_STATUS_LABELS, TASK_STATUS_TONES } from '../assessments/assessment-labels';

const TASK_MANAGERS = ['admin', 'governance_officer'] as const;
const isStatus = (v: string | null): v is TaskStatus => v !== null && (TASK_STATUSES as readonly string[]).includes(v);

export function TasksPage() {
  const org = useOrganisation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : '';
  const tasks = useApiData((signal) => listTasks(org.slug, { status }, signal), [org.slug, status]);
  const manager = hasAnyRole(org.roles, TASK_MANAGERS);
  // Task managers (admins, governance officers) hand tasks to anyone in the people list.
  const canPickOwner = manager;
  const members = useApiData((signal) => (canPickOwner ? listPeople(org.slug, {}, signal) : Promise.resolve(null)), [org.slug, canPickOwner]);
  const [message, setMessage] = useState<string | null>(null);

  const replace = (updated: OrganisationTask) => {
    tasks.setData((current) => current && { ...current, items: current.items.map((t) => (t.id === updated.id ? updated : t)) });
    setMessage(`“${updated.title}” is now ${TASK_STATUS_LABELS[updated.status].toLowerCase()}.`);
  };

  return (
    <Page title="Organisation tasks">
      <p className="usa-intro">
        Work for the organisation as a whole, such as the recommended actions from the{' '}
        <Link to="/readiness" className="usa-link">
          readiness assessment
        </Link>
        . Work on one AI system is in its obligations.
      </p>
      <StatusMessage message={message} />
      <form className="usa-form" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="task-status-filter"
          label="Show tasks"
          value={status}
          onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
          options={[{ value: '', label: 'All tasks' }, ...TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))]}
        />
      </form>
      {tasks.error && <ApiErrorAlert error={tasks.error} onRetry={tasks.reload} />}
      {!tasks.data && !tasks.error && <p role="status">Loading the tasks…</p>}
      {tasks.data && (
        <>
          <p className="margin-top-3">
            {tasks.data.items.length} task{tasks.data.items.length === 1 ? '' : 's'}
            {status ? ` ${TASK_STATUS_LABELS[status].toLowerCase()}` : ''}.
          </p>
          {tasks.data.items.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              canManage={manager}
              isOwner={task.owner?.id === session.user.id}
              members={members.data?.items ?? null}
              onChanged={replace}
            />
          ))}
        </>
      )}
    </Page>
  );
}

type ItemProps = { task: OrganisationTask; canManage: boolean; isOwner: boolean; members: readonly Person[] | null; onChanged: (task: OrganisationTask) => void };

function TaskItem({ task, canManage, isOwner, members, onChanged }: ItemProps) {
  const headingId = `task-${task.id}`;
  return (
    <section aria-labelledby={headingId} className="gb-obligation">
      <h2 id={headingId} className="margin-top-0 margin-bottom-1 font-heading-lg">
        {task.title}
      </h2>
      {task.area && <p className="gb-muted margin-top-0">Area: {task.area}</p>}
      {task.description.trim() !== task.title.trim() && <p>{task.description}</p>}
      <dl className="gb-summary">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusTag tone={TASK_STATUS_TONES[task.status]}>{TASK_STATUS_LABELS[task.status]}</StatusTag>
            {task.statusNote && <span> — {task.statusNote}</span>}
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{task.owner?.displayName ?? 'Nobody yet'}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            {task.dueDate ? <DateTime value={task.dueDate} dateOnly /> : 'No due date'}
            {task.overdue && (
              <>
                {' '}
                <StatusTag tone="error">Overdue</StatusTag>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            {task.source === 'assessment' && task.sourceAssessmentId ? (
              <Link to={`/assessments/${task.sourceAssessmentId}/result`} className="usa-link">
                A gap in an assessment
              </Link>
            ) : (
              `Added by ${task.createdBy.label}`
            )}
            , <DateTime value={task.createdAt} dateOnly />
          </dd>
        </div>
      </dl>
      {(canManage || isOwner) && (
        <Accordion
          bordered
          className="margin-top-2"
          items={[
            {
              id: `${headingId}-update`,
              title: (
                <>
                  Change the status{canManage ? ', owner or due date' : ''}
                  <span className="usa-sr-only"> of “{task.title}”</span>
                </>
              ),
              expanded: false,
              headingLevel: 'h3',
              content: <UpdateTask key={task.updatedAt} task={task} canManage={canManage} members={members} onChanged={onChanged} />,
            },
          ]}
        />
      )}
    </section>
  );
}

function UpdateTask({ task, canManage, members, onChanged }: Omit<ItemProps, 'isOwner'>) {
  const org = useOrganisation();
  const p = `task-${task.id}`;
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [reason, setReason] = useState('');
  const [ownerId, setOwnerId] = useState(task.owner?.id ?? '');
  const [dueDate, setDueDate] = useState(task.dueDate ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changes: TaskChanges = {};
    if (status !== task.status) changes.status = status;
    if (status === 'dismissed' && status !== task.status && !reason.trim()) {
      setErrors({ message: null, fields: { reason: 'Say why this task is dismissed.' } });
      return;
    }
    if (reason.trim()) changes.reason = reason.trim();
    if (canManage && members && ownerId !== (task.owner?.id ?? '')) changes.ownerId = ownerId || null;
    if (canManage && dueDate !== (task.dueDate ?? '')) changes.dueDate = dueDate || null;
    if (Object.keys(changes).length === 0) {
      setErrors({ message: 'Nothing has changed: change the status, owner or due date first.', fields: {} });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      onChanged(await updateTask(org.slug, task.id, changes));
    } catch (error) {
      setErrors(formErrorsFrom(error));
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={(e) => void onSubmit(e)} noValidate className="maxw-full">
      <fieldset className="usa-fieldset">
        <legend className="usa-sr-only">Update “{task.title}”</legend>
        <ErrorSummary errors={errors} fieldIds={{ status: `${p}-status`, reason: `${p}-reason`, ownerId: `${p}-owner`, dueDate: `${p}-due` }} />
        <SelectField
          id={`${p}-status`}
          label="Status"
          value={status}
          onChange={(v) => setStatus(isStatus(v) ? v : task.status)}
          options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
          error={errors.fields['status']}
        />
        <TextareaField
          id={`${p}-reason`}
          label={status === 'dismissed' ? 'Why it is dismissed' : 'Note (optional)'}
          hint={status === 'dismissed' ? 'Required. Kept with the task and in the audit log.' : 'For example what was done. Kept with the task.'}
          value={reason}
          onChange={setReason}
          error={errors.fields['reason']}
          maxLength={2000}
          rows={2}
        />
        {canManage && members && (
          <SelectField
            id={`${p}-owner`}
            label="Owner"
            value={ownerId}
            onChange={setOwnerId}
            options={[
              { value: '', label: 'Nobody' },
              ...[...members].sort((a, b) => a.displayName.localeCompare(b.displayName)).map((m) => ({ value: m.userId, label: `${m.displayName} (${m.email})` })),
            ]}
            error={errors.fields['ownerId']}
          />
        )}
        {canManage && !members && (
          <p>
            Owner: {task.owner?.displayName ?? 'nobody yet'}. The list of people could not be loaded; try again later to hand the task to someone.
          </p>
        )}
        {canManage && <TextField id={`${p}-due`} label="Due date (optional)" type="date" value={dueDate} onChange={setDueDate} error={errors.fields['dueDate']} />}
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </Button>
      </fieldset>
    </Form>
  );
}
