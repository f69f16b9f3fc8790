/**
 * Adding a tool to the catalogue or changing what it says (administrators and governance
 * officers). Checks what it can before sending, then shows the server's field errors in the same
 * places. Ids are `entry-` + the server's field name, so the error summary links work.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Form } from '@trussworks/react-uswds';
import {
  createToolCatalogueEntry,
  listSystems,
  updateToolCatalogueEntry,
  type CatalogueEntry,
  type CatalogueEntryInput,
  type CatalogueStatus,
  type DataAllowed,
} from '../../api';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { RadioFieldset, radioId } from '../../components/radio-fieldset';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { TextareaField } from '../../components/textarea-field';
import { formErrorsFrom } from '../../forms';
import { useApiData } from '../../use-api';
import { DATA_ALLOWED_DESCRIPTIONS, DATA_ALLOWED_LABELS, STATUS_DESCRIPTIONS, STATUS_LABELS } from './catalogue-labels';

const STATUSES: readonly CatalogueStatus[] = ['approved', 'approved_with_conditions', 'under_review', 'not_approved'];
const DATA_ALLOWED: readonly DataAllowed[] = ['none_personal', 'anonymised', 'personal_with_dpa'];
/** Limits from packages/core/src/catalogue/catalogue-fields.ts, checked here to save a round trip. */
const LIMITS = { name: 200, vendor: 200, description: 5000, use: 300, uses: 50, conditions: 5000, terms: 10_000, contact: 300 };

/** Inventory choice on the form: register a new record, link none, or link an existing one (its id). */
const REGISTER = 'register';
const NONE = 'none';

type Draft = {
  name: string;
  vendor: string;
  description: string;
  status: CatalogueStatus | '';
  permittedUses: string;
  prohibitedUses: string;
  conditions: string;
  dataAllowed: DataAllowed | '';
  pricing: 'paid' | 'free' | '';
  dataProtectionTerms: string;
  dpaInPlace: 'yes' | 'no' | '';
  reviewDate: string;
  contact: string;
  inventory: string;
};

const draftOf = (entry: CatalogueEntry | null): Draft => ({
  name: entry?.name ?? '',
  vendor: entry?.vendor ?? '',
  description: entry?.description ?? '',
  status: entry?.status ?? '',
  permittedUses: entry?.permittedUses.join('\n') ?? '',
  prohibitedUses: entry?.prohibitedUses.join('\n') ?? '',
  conditions: entry?.conditions ?? '',
  dataAllowed: entry?.dataAllowed ?? '',
  pricing: entry?.pricing ?? '',
  dataProtectionTerms: entry?.dataProtectionTerms ?? '',
  dpaInPlace: entry ? (entry.dpaInPlace ? 'yes' : 'no') : '',
  reviewDate: entry?.reviewDate ?? '',
  contact: entry?.contact ?? '',
  inventory: entry ? (entry.system?.id ?? NONE) : REGISTER,
});

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const id = (field: string): string => `entry-${field}`;
const FIELD_IDS: Record<string, string> = {
  name: id('name'),
  vendor: id('vendor'),
  description: id('description'),
  status: radioId(id('status'), 'approved'),
  permittedUses: id('permittedUses'),
  prohibitedUses: id('prohibitedUses'),
  conditions: id('conditions'),
  dataAllowed: radioId(id('dataAllowed'), 'none_personal'),
  pricing: radioId(id('pricing'), 'paid'),
  dataProtectionTerms: id('dataProtectionTerms'),
  dpaInPlace: radioId(id('dpaInPlace'), 'yes'),
  reviewDate: id('reviewDate'),
  contact: id('contact'),
  systemId: id('inventory'),
};

/** Server field names such as `permittedUses.3` belong to the field `permittedUses`. */
function byField(errors: FormErrors): FormErrors {
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors.fields)) {
    const field = key.split('.')[0] ?? key;
    fields[field] ??= message;
  }
  return { message: errors.message, fields };
}

function check(draft: Draft): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!draft.name.trim()) fields['name'] = 'Enter the name of the tool.';
  if (!draft.vendor.trim()) fields['vendor'] = 'Enter the supplier of the tool.';
  if (!draft.status) fields['status'] = 'Choose the status of the tool.';
  if (!draft.dataAllowed) fields['dataAllowed'] = 'Choose what information may go into the tool.';
  if (!draft.pricing) fields['pricing'] = 'Say whether the tool is paid or free.';
  if (!draft.dpaInPlace) fields['dpaInPlace'] = 'Say whether a data-processing agreement is in place.';
  if ((draft.status === 'approved' || draft.status === 'approved_with_conditions') && !draft.reviewDate) {
    fields['reviewDate'] = 'An approved tool needs a date by which its approval is checked again.';
  }
  if (draft.status === 'approved_with_conditions' && !draft.conditions.trim()) fields['conditions'] = 'Say what the conditions are, so staff know what they must do.';
  for (const field of ['permittedUses', 'prohibitedUses'] as const) {
    const uses = lines(draft[field]);
    if (uses.length > LIMITS.uses) fields[field] = `List at most ${LIMITS.uses} uses.`;
    else if (uses.some((u) => u.length > LIMITS.use)) fields[field] = `Write each use in at most ${LIMITS.use} characters.`;
  }
  return fields;
}

type Props = {
  org: string;
  /** The tool being edited; null to add one. */
  entry: CatalogueEntry | null;
  onSaved: (entry: CatalogueEntry) => void;
  onCancel: () => void;
};

export function EntryForm({ org, entry, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(entry));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const systems = useApiData((signal) => listSystems(org, { limit: 1000, offset: 0 }, signal), [org]);

  useEffect(() => headingRef.current?.focus(), []);

  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = check(draft);
    if (Object.keys(fields).length > 0 || !draft.status || !draft.dataAllowed || !draft.pricing) {
      setErrors({ message: null, fields });
      return;
    }
    const input: CatalogueEntryInput = {
      name: draft.name.trim(),
      vendor: draft.vendor.trim(),
      description: draft.description.trim(),
      status: draft.status,
      permittedUses: lines(draft.permittedUses),
      prohibitedUses: lines(draft.prohibitedUses),
      conditions: draft.conditions.trim(),
      dataAllowed: draft.dataAllowed,
      pricing: draft.pricing,
      dataProtectionTerms: draft.dataProtectionTerms.trim(),
      dpaInPlace: draft.dpaInPlace === 'yes',
      reviewDate: draft.reviewDate || null,
      contact: draft.contact.trim(),
    };
    if (draft.inventory !== REGISTER) input.systemId = draft.inventory === NONE ? null : draft.inventory;
    setBusy(true);
    setErrors(noErrors);
    try {
      onSaved(entry ? await updateToolCatalogueEntry(org, entry.id, input) : await createToolCatalogueEntry(org, input));
    } catch (error) {
      setErrors(byField(formErrorsFrom(error)));
      setBusy(false);
    }
  };

  const inventoryOptions = [
    ...(entry ? [] : [{ value: REGISTER, label: 'Register it in the inventory now' }]),
    { value: NONE, label: entry ? 'Not linked' : 'Do not link it to the inventory' },
    ...(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  if (entry?.system && !inventoryOptions.some((o) => o.value === entry.system?.id)) inventoryOptions.push({ value: entry.system.id, label: entry.system.name });

  const title = entry ? `Edit ${entry.name}` : 'Add a tool';
  return (
    <section className="gb-panel" aria-labelledby="entry-form-heading">
      <h2 id="entry-form-heading" ref={headingRef} tabIndex={-1} className="margin-top-0">
        {title}
      </h2>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate large aria-labelledby="entry-form-heading">
        <TextField id={id('name')} label="Name of the tool" value={draft.name} onChange={set('name')} error={errors.fields['name']} autoComplete="off" required />
        <TextField id={id('vendor')} label="Supplier" hint="Who provides it, and under which licence or plan." value={draft.vendor} onChange={set('vendor')} error={errors.fields['vendor']} autoComplete="off" required />
        <TextareaField id={id('description')} label="What it is (optional)" value={draft.description} onChange={set('description')} error={errors.fields['description']} maxLength={LIMITS.description} rows={3} />
        <RadioFieldset
          name={id('status')}
          legend="Status"
          choices={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s], description: STATUS_DESCRIPTIONS[s] }))}
          value={draft.status}
          onChange={set('status')}
          error={errors.fields['status']}
        />
        <TextareaField
          id={id('conditions')}
          label="Conditions"
          hint="What staff must do when the tool is approved with conditions, for example “tell everyone the meeting is transcribed”."
          value={draft.conditions}
          onChange={set('conditions')}
          error={errors.fields['conditions']}
          maxLength={LIMITS.conditions}
          rows={3}
        />
        <TextareaField
          id={id('permittedUses')}
          label="Permitted uses"
          hint="One use per line, as a short phrase such as “drafting newsletters”. A question matches a use when it contains all of its main words."
          value={draft.permittedUses}
          onChange={set('permittedUses')}
          error={errors.fields['permittedUses']}
          rows={5}
        />
        <TextareaField
          id={id('prohibitedUses')}
          label="Prohibited uses"
          hint="One use per line, such as “decisions about people”. A question that matches one gets the answer no."
          value={draft.prohibitedUses}
          onChange={set('prohibitedUses')}
          error={errors.fields['prohibitedUses']}
          rows={4}
        />
        <RadioFieldset
          name={id('dataAllowed')}
          legend="Information that may go in"
          choices={DATA_ALLOWED.map((d) => ({ value: d, label: DATA_ALLOWED_LABELS[d], description: DATA_ALLOWED_DESCRIPTIONS[d] }))}
          value={draft.dataAllowed}
          onChange={set('dataAllowed')}
          error={errors.fields['dataAllowed']}
        />
        <RadioFieldset
          name={id('dpaInPlace')}
          legend="Is a data-processing agreement with the supplier in place?"
          choices={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={draft.dpaInPlace}
          onChange={set('dpaInPlace')}
          error={errors.fields['dpaInPlace']}
        />
        <RadioFieldset
          name={id('pricing')}
          legend="Paid or free"
          hint="Free tools often keep what is typed into them or train on it: record their terms below."
          choices={[
            { value: 'paid', label: 'Paid' },
            { value: 'free', label: 'Free' },
          ]}
          value={draft.pricing}
          onChange={set('pricing')}
          error={errors.fields['pricing']}
        />
        <TextareaField
          id={id('dataProtectionTerms')}
          label="What the data-protection terms say"
          hint="Is what staff type used to train the supplier’s models? How long is it kept? Where is it stored?"
          value={draft.dataProtectionTerms}
          onChange={set('dataProtectionTerms')}
          error={errors.fields['dataProtectionTerms']}
          maxLength={LIMITS.terms}
          rows={4}
        />
        <TextField
          id={id('reviewDate')}
          label="Review date"
          type="date"
          hint="When the approval must be checked again. Required for approved tools."
          value={draft.reviewDate}
          onChange={set('reviewDate')}
          error={errors.fields['reviewDate']}
        />
        <TextField id={id('contact')} label="Who to ask (optional)" hint="A team or person, with an email address." value={draft.contact} onChange={set('contact')} error={errors.fields['contact']} autoComplete="off" />
        <SelectField
          id={id('inventory')}
          label="Record in the AI-system inventory"
          hint="Every tool staff use belongs in the inventory."
          value={draft.inventory}
          onChange={set('inventory')}
          options={inventoryOptions}
          error={errors.fields['systemId']}
        />
        <ButtonGroup>
          <Button type="submit" disabled={busy}>
            {entry ? 'Save changes' : 'Add tool'}
          </Button>
          <Button type="button" outline onClick={onCancel}>
            Cancel
          </Button>
        </ButtonGroup>
      </Form>
    </section>
  );
}
