/**
 * Admin → Request deadlines: the days the organisation gives itself to answer each type of redress
 * request (shown to the public on the request form), and how long case details sent with a
 * generated notice are kept.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form } from '@trussworks/react-uswds';
import { getCitizenSettings, toApiError, updateCitizenSettings, type CitizenSettings } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';

const FIELDS: ReadonlyArray<{ key: keyof CitizenSettings; label: string; hint: string }> = [
  { key: 'explanationDays', label: 'Explanation of a decision (days)', hint: 'From 1 to 365.' },
  { key: 'humanReviewDays', label: 'Human review of a decision (days)', hint: 'From 1 to 365.' },
  { key: 'appealDays', label: 'Appeal against a decision (days)', hint: 'From 1 to 365.' },
  { key: 'noticeRetentionDays', label: 'Keep case details sent with notices (days)', hint: 'From 1 to 3650. After this, the case reference and name are erased from the notice record.' },
];

export function CitizenSettingsPage() {
  const org = useOrganisation();
  const settings = useApiData((signal) => getCitizenSettings(org.slug, signal), [org.slug]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data) setValues(Object.fromEntries(FIELDS.map((f) => [f.key, String(settings.data?.[f.key] ?? '')])));
  }, [settings.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Partial<CitizenSettings> = {};
    const local: Record<string, string> = {};
    for (const f of FIELDS) {
      const n = Number(values[f.key]);
      if (!Number.isInteger(n)) local[f.key] = 'Enter a whole number of days.';
      else body[f.key] = n;
    }
    if (Object.keys(local).length) {
      setErrors({ message: 'Some values need changing.', fields: local });
      return;
    }
    setBusy(true);
    try {
      settings.setData(await updateCitizenSettings(org.slug, body));
      setErrors(noErrors);
      setSaved('Deadlines saved. New requests get the new deadlines; requests already received keep theirs.');
    } catch (err) {
      const e = toApiError(err);
      setErrors({ message: e.message, fields: e.fields });
      setSaved(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Request deadlines">
      <p className="usa-intro">How long {org.name} takes at most to answer each type of request about a decision. People see these on the public request form.</p>
      {settings.error && <ApiErrorAlert error={settings.error} onRetry={settings.reload} />}
      <StatusMessage message={saved} />
      <ErrorSummary errors={errors} />
      {settings.data && (
        <Form onSubmit={(e) => void submit(e)} large>
          {FIELDS.map((f) => (
            <TextField key={f.key} id={f.key} label={f.label} hint={f.hint} value={values[f.key] ?? ''} onChange={(v) => setValues((s) => ({ ...s, [f.key]: v }))} error={errors.fields[f.key]} required />
          ))}
          <Button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save deadlines'}
          </Button>
        </Form>
      )}
    </Page>
  );
}
