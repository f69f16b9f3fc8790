import { useState, type FormEvent } from 'react';
import { Button, Form, Table } from '@trussworks/react-uswds';
import { createInvitation, listInvitations, revokeInvitation, toApiError, type Invitation } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { RolesFieldset } from '../../components/roles-fieldset';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { TextField } from '../../components/text-field';
import { isPast } from '../../format';
import { EMAIL_PATTERN, formErrorsFrom } from '../../forms';
import { roleList } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';

type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

function invitationStatus(invitation: Invitation, now = Date.now()): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (isPast(invitation.expiresAt, now)) return 'expired';
  return 'pending';
}

const tone = { pending: 'info', accepted: 'success', revoked: 'neutral', expired: 'neutral' } as const;

export function InvitationsPage() {
  const org = useOrganisation();
  const invitations = useApiData((signal) => listInvitations(org.slug, signal), [org.slug]);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const onRevoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      await revokeInvitation(org.slug, revoking.id);
      setStatus(`The invitation to ${revoking.email} has been withdrawn.`);
      setRevoking(null);
      invitations.reload();
    } catch (error) {
      setRevokeError(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const items = invitations.data ? [...invitations.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];

  return (
    <Page title="Invitations">
      <p className="usa-intro">Invite people to {org.name} by email. They choose their own password when they accept.</p>
      <StatusMessage message={status} />

      <h2>Invite someone</h2>
      <InviteForm
        org={org.slug}
        onInvited={(invitation) => {
          setStatus(`Invitation sent to ${invitation.email}.`);
          invitations.reload();
        }}
      />

      <h2>Sent invitations</h2>
      {invitations.error && <ApiErrorAlert error={invitations.error} onRetry={invitations.reload} />}
      {!invitations.data && !invitations.error && <p role="status">Loading invitations…</p>}
      {invitations.data && items.length === 0 && <p>No invitations have been sent yet.</p>}
      {items.length > 0 && (
        <Table caption="Invitations, newest first" fullWidth scrollable>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Sent</th>
              <th scope="col">Expires</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((invitation) => {
              const state = invitationStatus(invitation);
              return (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{roleList(invitation.roles)}</td>
                  <td>
                    <StatusTag tone={tone[state]}>{state}</StatusTag>
                  </td>
                  <td>
                    <DateTime value={invitation.createdAt} />
                  </td>
                  <td>
                    <DateTime value={invitation.expiresAt} />
                  </td>
                  <td>
                    {state === 'pending' ? (
                      <Button
                        type="button"
                        unstyled
                        className="gb-danger-link"
                        onClick={() => {
                          setRevokeError(null);
                          setRevoking(invitation);
                        }}
                      >
                        Revoke<span className="usa-sr-only"> the invitation to {invitation.email}</span>
                      </Button>
                    ) : (
                      <span className="usa-sr-only">None</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}

      {revoking && (
        <ConfirmDialog
          title="Revoke this invitation?"
          confirmLabel="Revoke invitation"
          onConfirm={() => void onRevoke()}
          onCancel={() => setRevoking(null)}
          busy={busy}
          error={revokeError}
        >
          <p>The link sent to {revoking.email} will stop working. You can send a new invitation later.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

function InviteForm({ org, onInvited }: { org: string; onInvited: (invitation: Invitation) => void }) {
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!EMAIL_PATTERN.test(email.trim())) fields['email'] = 'Enter an email address such as name@example.org.';
    if (roles.length === 0) fields['roles'] = 'Choose at least one role.';
    if (Object.keys(fields).length > 0) {
      setErrors({ message: null, fields });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const invitation = await createInvitation(org, { email: email.trim(), roles });
      setEmail('');
      setRoles([]);
      onInvited(invitation);
    } catch (error) {
      setErrors(formErrorsFrom(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={{ roles: 'invite-roles-admin' }} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate large>
        <TextField id="email" label="Email address" type="email" autoComplete="off" value={email} onChange={setEmail} error={errors.fields['email']} required />
        <RolesFieldset idPrefix="invite-roles" legend="Roles" value={roles} onChange={setRoles} error={errors.fields['roles']} />
        <Button type="submit" disabled={busy}>
          Send invitation
        </Button>
      </Form>
    </>
  );
}
