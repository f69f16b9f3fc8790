/**
 * Admin → Register settings: the formats the organisation publishes in, with the texts each
 * requires, and the organisation facts formats need (contact e-mail, area served, postal address,
 * the person who registers in the EU database). Publishing names these places when a fact is missing.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset } from '@trussworks/react-uswds';
import { PUBLIC_TEXT_FIELDS } from '@glassbox/core/register/record/register-record';
import { getOrganisation, getRegisterSettings, putRegisterSettings, toApiError, updateOrganisation, type ApiError, type RegisterSettings } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { canPublishRegister, FORMAT_LABELS, formatName } from './register-labels';

const label = (key: string): string => PUBLIC_TEXT_FIELDS.find((f) => f.key === key)?.label ?? key;

type Facts = { contactEmail: string; area: string; address: string; contactPhone: string; submitterName: string; submitterEmail: string; submitterPhone: string };

const factsOf = (o: RegisterSettings['organisation'], contactEmail: string | null): Facts => ({
  contactEmail: contactEmail ?? '',
  area: o.area ?? '',
  address: o.address ?? '',
  contactPhone: o.contactPhone ?? '',
  submitterName: o.registrationContact?.name ?? '',
  submitterEmail: o.registrationContact?.email ?? '',
  submitterPhone: o.registrationContact?.phone ?? '',
});
const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

export function RegisterSettingsPage() {
  const org = useOrganisation();
  const settings = useApiData((signal) => getRegisterSettings(org.slug, signal), [org.slug]);
  const organisation = useApiData((signal) => getOrganisation(org.slug, signal), [org.slug]);
  const [formats, setFormats] = useState<string[] | null>(null);
  const [facts, setFacts] = useState<Facts | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const canChange = canPublishRegister(org.roles);
  // The contact e-mail is the organisation's own (shown on the public site): administrators change it.
  const canChangeEmail = org.roles.includes('admin');

  useEffect(() => {
    if (settings.data && formats === null) setFormats(settings.data.formats);
    if (settings.data && organisation.data && facts === null) setFacts(factsOf(settings.data.organisation, organisation.data.contactEmail));
  }, [settings.data, organisation.data, formats, facts]);

  const loadError = settings.error ?? organisation.error;
  const setFact = (key: keyof Facts) => (value: string) => setFacts((f) => f && { ...f, [key]: value });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!formats || !facts) return;
    setError(null);
    try {
      const submitter = orNull(facts.submitterName) || orNull(facts.submitterEmail) ? { name: facts.submitterName.trim(), email: facts.submitterEmail.trim(), phone: orNull(facts.submitterPhone) } : null;
      const saved = await putRegisterSettings(org.slug, {
        formats,
        organisation: { area: orNull(facts.area), address: orNull(facts.address), contactPhone: orNull(facts.contactPhone), registrationContact: submitter },
      });
      let contactEmail = organisation.data?.contactEmail ?? null;
      if (canChangeEmail && orNull(facts.contactEmail) !== contactEmail) {
        const updated = await updateOrganisation(org.slug, { contactEmail: orNull(facts.contactEmail) });
        organisation.setData(updated);
        contactEmail = updated.contactEmail;
      }
      settings.setData(saved);
      setFormats(saved.formats);
      setFacts(factsOf(saved.organisation, contactEmail));
      setStatus('Register settings saved.');
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <Page title="Register settings">
      <p>
        Choose the formats your organisation publishes its register in. Before an entry is published, Glassbox checks that it has every text these formats need. The
        public register always offers every format as open data; formats you do not choose may have gaps.
      </p>
      <StatusMessage message={status} />
      {loadError && <ApiErrorAlert error={loadError} />}
      {error && <ApiErrorAlert error={error} heading="The settings were not saved" />}
      {settings.data && formats && facts && (
        <form onSubmit={(e) => void onSubmit(e)}>
          <Fieldset legend="Formats we publish in">
            {settings.data.available.map((f) => (
              <div key={f.id} className="margin-bottom-2">
                <Checkbox
                  id={`format-${f.id}`}
                  name="formats"
                  label={formatName(f.id)}
                  labelDescription={`${FORMAT_LABELS[f.id]?.description ?? ''} Texts it requires: ${f.requiredTexts.map(label).join(', ') || 'none'}.`}
                  checked={f.id === 'glassbox' || formats.includes(f.id)}
                  disabled={f.id === 'glassbox' || !canChange}
                  onChange={(e) => setFormats((current) => (e.target.checked ? [...(current ?? []), f.id] : (current ?? []).filter((x) => x !== f.id)))}
                />
              </div>
            ))}
          </Fieldset>
          <Fieldset legend="Organisation facts the formats need" className="margin-top-4">
            <p className="usa-hint">Publishing to a format checks these, and names the one that is missing.</p>
            <TextField
              id="contactEmail"
              label="Contact e-mail"
              type="email"
              hint={canChangeEmail ? 'A team address for questions about the register (UK ATRS, Dutch Algoritmeregister, Eurocities, EU database, OMB).' : 'Only an administrator can change it.'}
              value={facts.contactEmail}
              onChange={setFact('contactEmail')}
              readOnly={!canChangeEmail}
              error={error?.fields['contactEmail']}
            />
            <TextField id="area" label="Area served" hint="For example: City of Riverton (UK ATRS region, Eurocities area)." value={facts.area} onChange={setFact('area')} readOnly={!canChange} error={error?.fields['organisation.area']} />
            <TextField id="address" label="Postal address" hint="The EU database asks for it (Annex VIII C.1)." value={facts.address} onChange={setFact('address')} readOnly={!canChange} error={error?.fields['organisation.address']} />
            <TextField id="contactPhone" label="Contact phone (optional)" value={facts.contactPhone} onChange={setFact('contactPhone')} readOnly={!canChange} error={error?.fields['organisation.contactPhone']} />
          </Fieldset>
          <Fieldset legend="Person who registers in the EU database" className="margin-top-4">
            <p className="usa-hint">Annex VIII C.2. Never shown on the public register; only in the EU database export.</p>
            <TextField id="submitterName" label="Name" value={facts.submitterName} onChange={setFact('submitterName')} readOnly={!canChange} />
            <TextField
              id="submitterEmail"
              label="E-mail"
              type="email"
              value={facts.submitterEmail}
              onChange={setFact('submitterEmail')}
              readOnly={!canChange}
              error={error?.fields['organisation.registrationContact.email']}
            />
            <TextField id="submitterPhone" label="Phone (optional)" value={facts.submitterPhone} onChange={setFact('submitterPhone')} readOnly={!canChange} />
          </Fieldset>
          {canChange && (
            <Button type="submit" className="margin-top-2">
              Save settings
            </Button>
          )}
        </form>
      )}
    </Page>
  );
}
