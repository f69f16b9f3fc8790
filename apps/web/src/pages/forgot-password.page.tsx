import { useState, type FormEvent } from 'react';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { requestPasswordReset } from '../api';
import { ErrorSummary, noErrors, type FormErrors } from '../components/error-summary';
import { Page } from '../components/page';
import { TextField } from '../components/text-field';
import { EMAIL_PATTERN, formErrorsFrom } from '../forms';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = email.trim();
    if (!EMAIL_PATTERN.test(value)) {
      setErrors({ message: null, fields: { email: 'Enter an email address such as name@example.org.' } });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await requestPasswordReset(value);
      setSentTo(value);
    } catch (error) {
      setErrors(formErrorsFrom(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Reset your password">
      {sentTo ? (
        <>
          <Alert type="success" headingLevel="h2" heading="Check your email" role="status">
            If {sentTo} has a Glassbox account, we have sent it a link to choose a new password. The link works once and expires after a
            short time.
          </Alert>
          <p className="margin-top-3">
            <Link to="/sign-in" className="usa-link">
              Back to sign in
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="usa-intro">Enter the email address you sign in with. We will send you a link to choose a new password.</p>
          <ErrorSummary errors={errors} />
          <Form onSubmit={(e) => void onSubmit(e)} noValidate>
            <TextField id="email" label="Email address" type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.fields['email']} required />
            <Button type="submit" disabled={busy}>
              Send reset link
            </Button>
          </Form>
          <p className="margin-top-3">
            <Link to="/sign-in" className="usa-link">
              Back to sign in
            </Link>
          </p>
        </>
      )}
    </Page>
  );
}
