import { useState, type FormEvent } from 'react';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { completePasswordReset } from '../api';
import { ErrorSummary, noErrors, type FormErrors } from '../components/error-summary';
import { checkNewPassword, NewPasswordFields } from '../components/new-password-fields';
import { Page } from '../components/page';
import { formErrorsFrom } from '../forms';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  if (!token) {
    return (
      <Page title="Choose a new password">
        <Alert type="error" headingLevel="h2" heading="This link is incomplete" role="alert">
          Open the link from your email again, or ask for a new one.
        </Alert>
        <p className="margin-top-3">
          <Link to="/forgot-password" className="usa-link">
            Ask for a new reset link
          </Link>
        </p>
      </Page>
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = checkNewPassword(password, confirm, 'newPassword');
    if (Object.keys(fields).length > 0) {
      setErrors({ message: null, fields });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await completePasswordReset({ token, newPassword: password });
      void navigate('/sign-in', { replace: true, state: { notice: 'Your password has been changed. Sign in with your new password.' } });
    } catch (error) {
      const next = formErrorsFrom(error);
      // A bad token is not a field the person can fix here; say so in the summary only.
      const { token: tokenProblem, ...fields } = next.fields;
      setErrors({ message: next.message, fields });
      if (tokenProblem) setPassword('');
      setBusy(false);
    }
  };

  return (
    <Page title="Choose a new password">
      <ErrorSummary errors={errors} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate>
        <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={errors.fields} field="newPassword" />
        <Button type="submit" disabled={busy}>
          Set new password
        </Button>
      </Form>
      <p className="margin-top-3">
        If the link has expired,{' '}
        <Link to="/forgot-password" className="usa-link">
          ask for a new reset link
        </Link>
        .
      </p>
    </Page>
  );
}
