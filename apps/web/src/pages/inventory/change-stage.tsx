/**
 * "Change stage": the stages this person may move the system to (from the server's list of allowed
 * moves, less approval decisions for those who may not take them), each explained, and the reason
 * the move needs. A refusal (409: the lifecycle or a gate says no) shows the server's message and,
 * when it lists them, what is missing.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { toApiError, transitionSystem, type AiSystem, type Lifecycle } from '../../api';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { RadioFieldset, radioId } from '../../components/radio-fieldset';
import { TextareaField } from '../../components/textarea-field';
import { formErrorsFrom } from '../../forms';
import { useOrganisation } from '../../session';
import { LIFECYCLE_LABELS } from './inventory-labels';
import { moveDescription, offeredMoves } from './inventory-rules';

/** What a refused move is missing: `details.missing` (strings or { message }), as gates report it. */
function missingFrom(details: Readonly<Record<string, unknown>>): string[] {
  const list = details['missing'] ?? details['blocking'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item === 'string') return [item];
    if (typeof item === 'object' && item !== null && 'message' in item && typeof item.message === 'string') return [item.message];
    return [];
  });
}

type ChangeStageProps = { system: AiSystem; roles: readonly string[]; onMoved: (system: AiSystem, message: string) => void };

export function ChangeStage({ system, roles, onMoved }: ChangeStageProps) {
  const org = useOrganisation();
  const moves = offeredMoves(roles, system);
  const [to, setTo] = useState<Lifecycle | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [refused, setRefused] = useState<{ message: string; missing: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const refusedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (refused) refusedRef.current?.focus();
  }, [refused]);

  if (moves.length === 0) {
    return (
      <p>
        {system.lifecycle === 'retired'
          ? 'Retired is the last stage: a retired system does not come back. To use it again, register it as a new proposal.'
          : 'There is no stage you can move it to from here. Approval decisions are for governance officers and administrators.'}
      </p>
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!to) fields['to'] = 'Choose the stage to move the system to.';
    if (reason.trim().length < 3) fields['reason'] = 'Give the reason for the move (at least 3 characters).';
    if (reason.trim().length > 2000) fields['reason'] = 'Keep the reason to 2000 characters.';
    if (!to || Object.keys(fields).length > 0) {
      setErrors({ message: null, fields });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    setRefused(null);
    try {
      const updated = await transitionSystem(org.slug, system.id, { to, reason: reason.trim() });
      onMoved(updated, `${updated.name} has moved to ${LIFECYCLE_LABELS[updated.lifecycle]}.`);
      // The form is rebuilt for the new stage; the section heading keeps the person's place.
      requestAnimationFrame(() => document.getElementById('lifecycle-heading')?.focus());
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 409) setRefused({ message: apiError.message, missing: missingFrom(apiError.details) });
      else setErrors(formErrorsFrom(apiError));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="change-stage-heading" className="gb-panel margin-top-4">
      <h3 id="change-stage-heading" className="margin-top-0">
        Change stage
      </h3>
      <div ref={refusedRef} tabIndex={-1}>
        {refused && (
          <Alert type="error" headingLevel="h4" heading="The system cannot move yet" role="alert" validation className="margin-bottom-3">
            <p className="usa-alert__text">{refused.message}</p>
            {refused.missing.length > 0 && (
              <ul className="usa-list">
                {refused.missing.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
      <ErrorSummary errors={errors} fieldIds={{ to: radioId('to', moves[0] ?? '') }} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate large>
        <RadioFieldset
          name="to"
          legend={`Move from ${LIFECYCLE_LABELS[system.lifecycle]} to`}
          choices={moves.map((stage) => ({ value: stage, label: LIFECYCLE_LABELS[stage], description: moveDescription(system.lifecycle, stage) }))}
          value={to}
          onChange={setTo}
          error={errors.fields['to']}
          required
        />
        <TextareaField
          id="reason"
          label="Reason"
          hint="Why the system is moving now. It is kept in the history and the audit log."
          value={reason}
          onChange={setReason}
          error={errors.fields['reason']}
          rows={3}
          maxLength={2000}
          required
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Moving…' : 'Move to this stage'}
        </Button>
      </Form>
    </section>
  );
}
