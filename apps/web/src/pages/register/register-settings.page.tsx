/** Admin → Register settings: the formats the organisation publishes in, with the texts each requires. */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset } from '@trussworks/react-uswds';
import { PUBLIC_TEXT_FIELDS } from '@glassbox/core/register/record/register-record';
import { getRegisterSettings, putRegisterSettings, toApiError, type ApiError } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { canPublishRegister, FORMAT_LABELS, formatName } from './register-labels';

const label = (key: string): string => PUBLIC_TEXT_FIELDS.find((f) => f.key === key)?.label ?? key;

export function RegisterSettingsPage() {
  const org = useOrganisation();
  const settings = useApiData((signal) => getRegisterSettings(org.slug, signal), [org.slug]);
  const [formats, setFormats] = useState<string[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const canChange = canPublishRegister(org.roles);

  useEffect(() => {
    if (settings.data && formats === null) setFormats(settings.data.formats);
  }, [settings.data, formats]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!formats) return;
    setError(null);
    try {
      const saved = await putRegisterSettings(org.slug, { formats });
      settings.setData(saved);
      setFormats(saved.formats);
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
      {settings.error && <ApiErrorAlert error={settings.error} />}
      {error && <ApiErrorAlert error={error} heading="The settings were not saved" />}
      {settings.data && formats && (
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
