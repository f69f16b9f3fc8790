import { useState, type FormEvent } from 'react';
import { Button, Form } from '@trussworks/react-uswds';
import { changePassword } from '../api';
import { ErrorSummary, noErrors, type FormErrors } from '../components/error-summary';
import { checkNewPassword, NewPasswordFields } from '../components/new-password-fields';
import { Page } from '../components/page';
import { StatusMessage } from '../components/status-message';
import { TextField } from '../components/text-field';
import { formErrorsFrom } from '../forms';

export function ChangePasswordPage() {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const fields = checkNewPassword(password, confirm, 'newPassword');
    if (!current) fields['currentPassword'] = 'Enter your current password.';
    if (Object.keys(fields).length > 0) {
      setErrors({ message: null, fields });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await changePassword({ currentPassword: current, newPassword: password });
      setCurrent('');
      setPassword('');
      setConfirm('');
      setDone('Your password has been changed. Any other sessions you had open have been signed out.');
    } catch (error) {
      setErrors(formErrorsFrom(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Change your password">
      <StatusMessage message={done} />
      <ErrorSummary errors={errors} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          id="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={errors.fields['currentPassword']}
          required
        />
        <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={errors.fields} field="newPassword" />
        <Button type="submit" disabled={busy}>
          Change password
        </Button>
      </Form>
    </Page>
  );
}
