import { useState, type FormEvent } from 'react';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { acceptInvitation, getInvitation, type InvitationPreview } from '../api';
import { DateTime } from '../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../components/error-summary';
import { checkNewPassword, NewPasswordFields } from '../components/new-password-fields';
import { Page } from '../components/page';
import { TextField } from '../components/text-field';
import { formErrorsFrom } from '../forms';
import { roleList } from '../roles';
import { useSessionContext } from '../session';
import { useApiData } from '../use-api';

const TITLE = 'Accept your invitation';

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useApiData((signal) => (token ? getInvitation(token, signal) : Promise.resolve(null)), [token]);

  if (!token) {
    return (
      <Page title={TITLE}>
        <Alert type="error" headingLevel="h2" heading="This link is incomplete" role="alert">
          Open the link from your invitation email again.
        </Alert>
      </Page>
    );
  }
  if (invitation.error) {
    return (
      <Page title={TITLE}>
        <Alert type="error" headingLevel="h2" heading="This invitation cannot be used" role="alert">
          {invitation.error.status === 404
            ? 'The link may have been used already, withdrawn or have expired. Ask your administrator for a new invitation.'
            : invitation.error.message}
        </Alert>
      </Page>
    );
  }
  if (!invitation.data) {
    return (
      <Page title={TITLE}>
        <p role="status">Loading your invitation…</p>
      </Page>
    );
  }
  return <AcceptForm token={token} invitation={invitation.data} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const navigate = useNavigate();
  const { state, reload } = useSessionContext();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const needsAccount = !invitation.userExists;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (needsAccount) {
      const fields = checkNewPassword(password, confirm, 'password');
      if (!displayName.trim()) fields['displayName'] = 'Enter your name.';
      if (Object.keys(fields).length > 0) {
        setErrors({ message: null, fields });
        return;
      }
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await acceptInvitation(needsAccount ? { token, displayName: displayName.trim(), password } : { token });
      if (state.status === 'signed-in') {
        // The new membership only shows in a fresh session.
        reload();
        void navigate('/', { replace: true });
      } else {
        void navigate('/sign-in', { replace: true, state: { notice: `You have joined ${invitation.organisationName}. Sign in to continue.` } });
      }
    } catch (error) {
      setErrors(formErrorsFrom(error));
      setBusy(false);
    }
  };

  return (
    <Page title={TITLE} heading={`Join ${invitation.organisationName}`}>
      <p className="usa-intro">
        {invitation.organisationName} has invited {invitation.email} to Glassbox with the {invitation.roles.length === 1 ? 'role' : 'roles'}{' '}
        {roleList(invitation.roles)}.
      </p>
      <p>
        This invitation expires on <DateTime value={invitation.expiresAt} />.
      </p>
      <ErrorSummary errors={errors} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate>
        {needsAccount ? (
          <>
            <p>Choose the name your colleagues will see and a password for your new account.</p>
            <TextField id="displayName" label="Your name" autoComplete="name" value={displayName} onChange={setDisplayName} error={errors.fields['displayName']} required />
            <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={errors.fields} field="password" label="Password" />
          </>
        ) : (
          <p>You already have a Glassbox account. Accept the invitation, then sign in as usual.</p>
        )}
        <Button type="submit" disabled={busy}>
          Accept invitation
        </Button>
      </Form>
      {!needsAccount && state.status !== 'signed-in' && (
        <p className="margin-top-3">
          <Link to="/forgot-password" className="usa-link">
            Forgot your password?
          </Link>
        </p>
      )}
    </Page>
  );
}
