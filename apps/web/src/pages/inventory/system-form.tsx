/**
 * The fields of an AI system, for registering one and for editing it. Checks what it can before
 * sending (required answers, a supplier for procured systems), then shows the server's field
 * errors in the same places. Ids are the server's field names, so the error summary links work.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Form } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { DECISION_ROLES, listUnits, SOURCING, type AiSystem, type SystemFields } from '../../api';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { ListInput } from '../../components/list-input';
import { RadioFieldset } from '../../components/radio-fieldset';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { TextareaField } from '../../components/textarea-field';
import { formErrorsFrom } from '../../forms';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { DECISION_ROLE_DESCRIPTIONS, DECISION_ROLE_LABELS, SOURCING_DESCRIPTIONS, SOURCING_LABELS } from './inventory-labels';
import { OwnerField } from './owner-field';
import { byField, check, draftOf, FIELD_IDS, fieldsOf, LIMITS, type Draft } from './system-form-draft';

type Props = {
  /** The system being edited; null when registering a new one. */
  system: AiSystem | null;
  submitLabel: string;
  cancelTo: string;
  onSubmit: (fields: SystemFields, reason: string) => Promise<void>;
};

export function SystemForm({ system, submitLabel, cancelTo, onSubmit }: Props) {
  const session = useSession();
  const org = useOrganisation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(system, session.user.id));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const units = useApiData((signal) => listUnits(org.slug, signal), [org.slug]);

  const hasErrors = Boolean(errors.message) || Object.keys(errors.fields).length > 0;
  // A long form: after a failed submit the summary at the top takes focus, so the person hears it and can follow its links.
  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [errors, hasErrors]);

  const set =
    <K extends keyof Draft>(name: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [name]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = check(draft);
    if (Object.keys(fields).length > 0) {
      setErrors({ message: null, fields });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await onSubmit(fieldsOf(draft), draft.reason.trim());
    } catch (error) {
      setErrors(byField(formErrorsFrom(error)));
      setBusy(false);
    }
  };

  const e = errors.fields;
  const unitOptions = [{ value: '', label: 'No unit' }, ...[...(units.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name)).map((u) => ({ value: u.id, label: u.name }))];
  // Keep the current unit choosable while the list loads, so the select never shows the wrong one.
  if (draft.unitId && !unitOptions.some((o) => o.value === draft.unitId)) unitOptions.push({ value: draft.unitId, label: system?.unit?.name ?? 'The current unit' });

  return (
    <>
      <div ref={summaryRef} tabIndex={-1}>
        <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      </div>
      <Form onSubmit={(ev) => void submit(ev)} noValidate large>
        <TextField
          id="name"
          label="Name"
          hint="A short name colleagues will recognise, for example “Benefits enquiry assistant”."
          value={draft.name}
          onChange={set('name')}
          error={e['name']}
          autoComplete="off"
          required
        />
        <TextareaField
          id="purpose"
          label="Purpose"
          hint="What the system is for, in one or two sentences: the task it helps with and who uses it."
          value={draft.purpose}
          onChange={set('purpose')}
          error={e['purpose']}
          rows={3}
          required
        />
        <TextareaField
          id="description"
          label="Plain-language description (optional)"
          hint="Explain how it works as you’d explain it to a resident: what goes in, what comes out, and what staff do with the result. Avoid technical terms."
          value={draft.description}
          onChange={set('description')}
          error={e['description']}
          rows={6}
        />
        <SelectField id="unitId" label="Unit" hint="The department or service that runs the system." value={draft.unitId} onChange={set('unitId')} options={unitOptions} error={e['unitId']} />
        <OwnerField system={system} value={draft.ownerId} onChange={set('ownerId')} error={e['ownerId']} />
        <RadioFieldset
          name="sourcing"
          legend="How was the system obtained?"
          choices={SOURCING.map((s) => ({ value: s, label: SOURCING_LABELS[s], description: SOURCING_DESCRIPTIONS[s] }))}
          value={draft.sourcing}
          onChange={set('sourcing')}
          error={e['sourcing']}
          required
        />
        {draft.sourcing === 'procured' && (
          <TextField
            id="supplier"
            label="Supplier"
            hint="The company that supplies the system. Write “to be tendered” if it is not chosen yet."
            value={draft.supplier}
            onChange={set('supplier')}
            error={e['supplier']}
            autoComplete="organization"
            required
          />
        )}
        {draft.sourcing === 'general_purpose_tool' && (
          <TextField
            id="supplier"
            label="Provider (optional)"
            hint="The company that provides the tool, if you know it."
            value={draft.supplier}
            onChange={set('supplier')}
            error={e['supplier']}
            autoComplete="organization"
          />
        )}
        <RadioFieldset
          name="decisionRole"
          legend="What part does the system play in decisions about people?"
          choices={DECISION_ROLES.map((r) => ({ value: r, label: DECISION_ROLE_LABELS[r], description: DECISION_ROLE_DESCRIPTIONS[r] }))}
          value={draft.decisionRole}
          onChange={set('decisionRole')}
          error={e['decisionRole']}
          required
        />
        <TextareaField
          id="affectedPeople"
          label="Who is affected (optional)"
          hint="The people whose lives the system’s results touch, for example “residents applying for housing benefit”."
          value={draft.affectedPeople}
          onChange={set('affectedPeople')}
          error={e['affectedPeople']}
          rows={3}
        />
        <ListInput
          id="dataCategories"
          label="Data categories (optional)"
          itemName="data category"
          hint="The kinds of information the system uses, for example “income”, “address” or “case notes”. Type one and press Add; separate several with commas."
          values={draft.dataCategories}
          draft={draft.categoryDraft}
          onChange={set('dataCategories')}
          onDraft={set('categoryDraft')}
          error={e['dataCategories']}
          maxLength={200}
        />
        <RadioFieldset
          name="personalData"
          legend="Does the system use personal data?"
          hint="Information about a person who can be identified, such as names, addresses, case records or voice recordings."
          choices={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={draft.personalData}
          onChange={set('personalData')}
          error={e['personalData']}
          required
        />
        <TextareaField
          id="humanOversight"
          label="Human oversight (optional)"
          hint="How people stay in charge: who checks the results, when they can overrule them, and how someone affected can ask for a person to look again."
          value={draft.humanOversight}
          onChange={set('humanOversight')}
          error={e['humanOversight']}
          rows={4}
        />
        <RadioFieldset
          name="publicVisibility"
          legend="Public register"
          choices={[
            { value: 'internal', label: 'Internal only', description: 'Only staff can see it. New systems start here: publishing is a decision, not an accident.' },
            { value: 'public', label: 'Show on the public register', description: 'Residents can read about the system on the organisation’s public pages.' },
          ]}
          value={draft.publicVisibility}
          onChange={set('publicVisibility')}
          error={e['publicVisibility']}
        />
        <ListInput
          id="tags"
          label="Tags (optional)"
          itemName="tag"
          hint="Words that help colleagues find the system, for example “chatbot” or “benefits”. Kept in lower case."
          values={draft.tags}
          draft={draft.tagDraft}
          onChange={set('tags')}
          onDraft={set('tagDraft')}
          error={e['tags']}
          maxLength={LIMITS.item}
        />
        {system && (
          <TextareaField
            id="reason"
            label="Reason for the change (optional)"
            hint="Kept in the history with this version, for whoever reads it later."
            value={draft.reason}
            onChange={set('reason')}
            error={e['reason']}
            rows={2}
          />
        )}
        <ButtonGroup className="margin-top-4">
          <Button type="submit" disabled={busy}>
            {busy ? 'Saving…' : submitLabel}
          </Button>
          <Link to={cancelTo} className="usa-button usa-button--outline">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </>
  );
}
