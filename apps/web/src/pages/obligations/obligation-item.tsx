/**
 * One obligation: what it asks, where it comes from, its status, owner and due date (overdue said
 * in words), its evidence, and — for those who may change it — a form for status, owner and due date.
 */
import { useState, type FormEvent } from 'react';
import { Button, Form, Tag } from '@trussworks/react-uswds';
import { OBLIGATION_STATUSES, updateObligation, type Evidence, type Obligation, type ObligationChanges, type ObligationStatus, type Person } from '../../api';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { RadioFieldset, radioId } from '../../components/radio-fieldset';
import { SelectField } from '../../components/select-field';
import { StatusTag } from '../../components/status-tag';
import { TextareaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { formErrorsFrom } from '../../forms';
import { useOrganisation } from '../../session';
import { EvidenceSection } from './evidence-section';
import { FRAMEWORK_LABELS, OBLIGATION_STATUS_DESCRIPTIONS, OBLIGATION_STATUS_LABELS, OBLIGATION_STATUS_TONES, recurrenceText } from './obligation-labels';

type Props = {
  systemId: string;
  obligation: Obligation;
  canUpdate: boolean;
  canManageEvidence: boolean;
  /** The organisation's people when this person may list them (admins, governance officers, system owners), otherwise null. */
  members: readonly Person[] | null;
  onChanged: (obligation: Obligation, message: string) => void;
};

export function ObligationItem({ systemId, obligation: o, canUpdate, canManageEvidence, members, onChanged }: Props) {
  const headingId = `obligation-${o.id}`;
  const recurrence = recurrenceText(o.recurrenceMonths);
  return (
    <section aria-labelledby={headingId} className="gb-obligation">
      <h3 id={headingId} className="margin-top-0 margin-bottom-1">
        {o.title}
      </h3>
      <p className="gb-obligation__meta margin-top-0">
        <Tag className="gb-tag gb-tag--neutral">{FRAMEWORK_LABELS[o.framework]}</Tag> <span>{o.reference}</span>
        {recurrence && <span className="gb-muted"> · {recurrence}</span>}
      </p>
      <p>{o.description}</p>
      <dl className="gb-summary">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusTag tone={OBLIGATION_STATUS_TONES[o.status]}>{OBLIGATION_STATUS_LABELS[o.status]}</StatusTag>
            {o.status === 'not_applicable' && o.naReason && <span> — {o.naReason}</span>}
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{o.owner.displayName}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            {o.dueDate ? <DateTime value={o.dueDate} dateOnly /> : 'No due date'}
            {o.overdue && (
              <>
                {' '}
                <StatusTag tone="error">Overdue</StatusTag>
              </>
            )}
          </dd>
        </div>
        {o.retiredAt && (
          <div>
            <dt>No longer required since</dt>
            <dd>
              <DateTime value={o.retiredAt} dateOnly />
            </dd>
          </div>
        )}
      </dl>
      <EvidenceSection
        systemId={systemId}
        obligation={o}
        canManage={canManageEvidence}
        onChanged={(evidence: Evidence[], message) => onChanged({ ...o, evidence }, message)}
      />
      {canUpdate && !o.retiredAt && <UpdateObligation key={o.updatedAt} systemId={systemId} obligation={o} members={members} onChanged={onChanged} />}
    </section>
  );
}

function UpdateObligation({ systemId, obligation: o, members, onChanged }: Pick<Props, 'systemId' | 'obligation' | 'members' | 'onChanged'>) {
  const org = useOrganisation();
  const p = `ob-${o.id}`;
  const [status, setStatus] = useState<ObligationStatus>(o.status);
  const [naReason, setNaReason] = useState(o.naReason ?? '');
  const [ownerId, setOwnerId] = useState(o.owner.id);
  const [dueDate, setDueDate] = useState(o.dueDate ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changes: ObligationChanges = {};
    if (status !== o.status) changes.status = status;
    if (status === 'not_applicable') {
      if (!naReason.trim()) {
        setErrors({ message: null, fields: { naReason: 'Say why this obligation does not apply to the system.' } });
        return;
      }
      if (naReason.trim() !== (o.naReason ?? '')) changes.naReason = naReason.trim();
    }
    if (ownerId !== o.owner.id) changes.ownerId = ownerId;
    if (dueDate !== (o.dueDate ?? '')) changes.dueDate = dueDate || null;
    if (Object.keys(changes).length === 0) {
      setErrors({ message: 'Nothing has changed: change the status, owner or due date first.', fields: {} });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const updated = await updateObligation(org.slug, systemId, o.id, changes);
      onChanged(updated, `“${updated.title}” is now ${OBLIGATION_STATUS_LABELS[updated.status].toLowerCase()}.`);
    } catch (error) {
      setErrors(formErrorsFrom(error));
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={(e) => void onSubmit(e)} noValidate className="maxw-full gb-panel margin-top-2">
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large margin-top-0">
          Update<span className="usa-sr-only"> “{o.title}”</span>
        </legend>
        <ErrorSummary
          errors={errors}
          fieldIds={{ status: radioId(`${p}-status`, status), naReason: `${p}-naReason`, ownerId: `${p}-owner`, dueDate: `${p}-due` }}
        />
        <RadioFieldset
          name={`${p}-status`}
          legend="Status"
          choices={OBLIGATION_STATUSES.map((s) => ({ value: s, label: OBLIGATION_STATUS_LABELS[s], description: OBLIGATION_STATUS_DESCRIPTIONS[s] }))}
          value={status}
          onChange={setStatus}
          error={errors.fields['status']}
        />
        {status === 'not_applicable' && (
          <TextareaField
            id={`${p}-naReason`}
            label="Why it does not apply"
            hint="Required. Kept with the obligation and in the audit log."
            value={naReason}
            onChange={setNaReason}
            error={errors.fields['naReason']}
            maxLength={2000}
            rows={3}
            required
          />
        )}
        <OwnerChoice id={`${p}-owner`} members={members} current={o.owner} value={ownerId} onChange={setOwnerId} error={errors.fields['ownerId']} />
        <TextField id={`${p}-due`} label="Due date (optional)" type="date" value={dueDate} onChange={setDueDate} error={errors.fields['dueDate']} />
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </Button>
      </fieldset>
    </Form>
  );
}

/** Those who may list the people choose any of them; everyone else keeps the current owner. */
type OwnerChoiceProps = { id: string; members: readonly Person[] | null; current: Obligation['owner']; value: string; onChange: (id: string) => void; error: string | undefined };

function OwnerChoice({ id, members, current, value, onChange, error }: OwnerChoiceProps) {
  if (members) {
    const options = [...members].sort((a, b) => a.displayName.localeCompare(b.displayName)).map((m) => ({ value: m.userId, label: `${m.displayName} (${m.email})` }));
    if (!options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: current.displayName });
    return <SelectField id={id} label="Owner" hint="The person who sees that this obligation is met." value={value} onChange={onChange} options={options} error={error} />;
  }
  return (
    <div className="usa-form-group" id={id} tabIndex={-1}>
      <p className="usa-label margin-top-0">Owner</p>
      <p className="margin-y-1">{current.displayName}. Only an administrator can hand an obligation to someone else.</p>
    </div>
  );
}
