import { useState, type FormEvent } from 'react';
import { Button, Form } from '@trussworks/react-uswds';
import { createUnit, listUnits } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { formErrorsFrom } from '../../forms';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';

export function UnitsPage() {
  const org = useOrganisation();
  const units = useApiData((signal) => listUnits(org.slug, signal), [org.slug]);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ message: null, fields: { name: 'Enter the name of the unit.' } });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    setStatus(null);
    try {
      const unit = await createUnit(org.slug, name.trim());
      setName('');
      setStatus(`${unit.name} has been added.`);
      units.setData((current) => current && { items: [...current.items, unit] });
    } catch (error) {
      setErrors(formErrorsFrom(error));
    } finally {
      setBusy(false);
    }
  };

  const items = units.data ? [...units.data.items].sort((a, b) => a.name.localeCompare(b.name)) : [];

  return (
    <Page title="Units">
      <p className="usa-intro">The departments and services of {org.name}. Each AI system is recorded against the unit that runs it.</p>
      <StatusMessage message={status} />

      <h2>Current units</h2>
      {units.error && <ApiErrorAlert error={units.error} onRetry={units.reload} />}
      {!units.data && !units.error && <p role="status">Loading units…</p>}
      {units.data && items.length === 0 && <p>There are no units yet.</p>}
      {items.length > 0 && (
        <ul className="usa-list">
          {items.map((unit) => (
            <li key={unit.id}>{unit.name}</li>
          ))}
        </ul>
      )}

      <h2>Add a unit</h2>
      <ErrorSummary errors={errors} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField id="name" label="Unit name" hint="For example “Housing benefits”" value={name} onChange={setName} error={errors.fields['name']} autoComplete="off" required />
        <Button type="submit" disabled={busy}>
          Add unit
        </Button>
      </Form>
    </Page>
  );
}
