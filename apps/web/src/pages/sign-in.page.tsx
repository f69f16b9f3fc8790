import { useState, type FormEvent } from 'react';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { signIn } from '../api';
import { ErrorSummary, noErrors, type FormErrors } from '../components/error-summary';
import { Page } from '../components/page';
import { TextField } from '../components/text-field';
import { formErrorsFrom, noticeFrom, safeNext } from '../forms';
import { useSessionContext } from '../session';

export function SignInPage() {
  const { state, setSession } = useSessionContext();
  const location = useLocation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const notice = noticeFrom(location.state);

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!email.trim()) fields['email'] = 'Enter your email address.';
    if (!password) fields['password'] = 'Enter your password.';
    if (Object.keys(fields).length > 0) {
      setErrors({ message: null, fields });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      setSession(await signIn({ email: email.trim(), password }));
    } catch (error) {
      setErrors(formErrorsFrom(error));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <Page title="Sign in">
      <p className="usa-intro">Sign in to Glassbox with your work email address.</p>
      {notice && !errors.message && (
        <Alert type="info" headingLevel="h2" slim role="status">
          {notice}
        </Alert>
      )}
      <ErrorSummary errors={errors} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField id="email" label="Email address" type="email" autoComplete="username" value={email} onChange={setEmail} error={errors.fields['email']} required />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.fields['password']}
          required
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </Form>
      <p className="margin-top-3">
        <Link to="/forgot-password" className="usa-link">
          Forgot your password?
        </Link>
      </p>
    </Page>
  );
}
