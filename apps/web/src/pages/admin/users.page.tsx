import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form, Pagination, Table } from '@trussworks/react-uswds';
import { useLocation } from 'react-router';
import { getSession, listMembers, removeMember, toApiError, updateMemberRoles, type Member } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { RolesFieldset } from '../../components/roles-fieldset';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { TextField } from '../../components/text-field';
import { isPast } from '../../format';
import { roleList } from '../../roles';
import { useOrganisation, useSession, useSessionContext } from '../../session';
import { useApiData } from '../../use-api';

const PAGE_SIZE = 20;

/** After the roles panel closes, focus goes back to the button that opened it. */
const focusEditButton = (userId: string) => requestAnimationFrame(() => document.getElementById(`edit-roles-${userId}`)?.focus());

export function UsersPage() {
  const org = useOrganisation();
  const session = useSession();
  const { setSession } = useSessionContext();
  const { pathname } = useLocation();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const members = useApiData(
    (signal) => listMembers(org.slug, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...(query && { q: query }) }, signal),
    [org.slug, page, query],
  );
  const totalPages = members.data ? Math.max(1, Math.ceil(members.data.total / PAGE_SIZE)) : 1;

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPage(1);
    setQuery(search.trim());
  };

  const onSaved = (member: Member) => {
    members.setData((current) => current && { ...current, items: current.items.map((m) => (m.userId === member.userId ? member : m)) });
    setEditing(null);
    setStatus(`Roles saved for ${member.displayName}.`);
    focusEditButton(member.userId);
    // Changing your own roles changes what the app may show you.
    if (member.userId === session.user.id) void getSession().then(setSession, () => undefined);
  };

  const onRemove = async () => {
    if (!removing) return;
    setBusy(true);
    setRemoveError(null);
    try {
      await removeMember(org.slug, removing.userId);
      setStatus(`${removing.displayName} has been removed from ${org.name}.`);
      setRemoving(null);
      members.reload();
    } catch (error) {
      setRemoveError(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Users and roles">
      <p className="usa-intro">Everyone who belongs to {org.name}, and what they may do. To add people, send an invitation.</p>
      <StatusMessage message={status} />

      <Form onSubmit={onSearch} role="search" aria-label="Search members" className="gb-inline-form" large>
        <TextField id="member-search" label="Search by name or email" type="search" value={search} onChange={setSearch} />
        <Button type="submit">Search</Button>
      </Form>

      {editing && (
        <RolesPanel
          key={editing.userId}
          org={org.slug}
          member={editing}
          onSaved={onSaved}
          onCancel={() => {
            setEditing(null);
            focusEditButton(editing.userId);
          }}
        />
      )}

      {members.error && <ApiErrorAlert error={members.error} onRetry={members.reload} />}
      {!members.data && !members.error && <p role="status">Loading members…</p>}
      {members.data && (
        <>
          <p aria-live="polite">
            {members.data.total === 1 ? '1 member' : `${members.data.total} members`}
            {query && ` matching “${query}”`}
          </p>
          {members.data.items.length > 0 && (
            <Table caption={`Members of ${org.name}`} fullWidth scrollable>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Last signed in</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {members.data.items.map((member) => (
                  <tr key={member.userId}>
                    <th scope="row">
                      {member.displayName}
                      {member.userId === session.user.id && ' (you)'}
                      <br />
                      <span className="gb-muted">{member.email}</span>
                    </th>
                    <td>{roleList(member.roles) || 'None'}</td>
                    <td>
                      <DateTime value={member.lastSignInAt} fallback="Never" />
                    </td>
                    <td>
                      {member.lockedUntil && !isPast(member.lockedUntil) ? (
                        <>
                          <StatusTag tone="error">Locked</StatusTag> until <DateTime value={member.lockedUntil} />
                        </>
                      ) : (
                        'Active'
                      )}
                    </td>
                    <td className="gb-actions">
                      <Button type="button" unstyled id={`edit-roles-${member.userId}`} onClick={() => setEditing(member)}>
                        Edit roles<span className="usa-sr-only"> for {member.displayName}</span>
                      </Button>
                      <Button
                        type="button"
                        unstyled
                        className="gb-danger-link"
                        onClick={() => {
                          setRemoveError(null);
                          setRemoving(member);
                        }}
                      >
                        Remove<span className="usa-sr-only"> {member.displayName}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {totalPages > 1 && (
            <Pagination
              pathname={pathname}
              currentPage={page}
              totalPages={totalPages}
              onClickNext={() => setPage((p) => Math.min(totalPages, p + 1))}
              onClickPrevious={() => setPage((p) => Math.max(1, p - 1))}
              onClickPageNumber={(_event, n) => setPage(n)}
            />
          )}
        </>
      )}

      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.displayName}?`}
          confirmLabel="Remove member"
          onConfirm={() => void onRemove()}
          onCancel={() => setRemoving(null)}
          busy={busy}
          error={removeError}
        >
          <p>
            {removing.displayName} ({removing.email}) will no longer be able to use {org.name} in Glassbox. What they did stays in the audit log.
            You can invite them again later.
          </p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

function RolesPanel({ org, member, onSaved, onCancel }: { org: string; member: Member; onSaved: (m: Member) => void; onCancel: () => void }) {
  const [roles, setRoles] = useState<string[]>(member.roles);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (roles.length === 0) {
      setError('Choose at least one role. To take away all access, remove the member instead.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await updateMemberRoles(org, member.userId, roles));
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.fields['roles'] ?? apiError.message);
      setBusy(false);
    }
  };

  return (
    <section className="gb-panel" aria-labelledby="roles-panel-heading">
      <h2 id="roles-panel-heading" ref={headingRef} tabIndex={-1}>
        Change roles for {member.displayName}
      </h2>
      <Form onSubmit={(e) => void onSubmit(e)} noValidate large>
        <RolesFieldset idPrefix="member-roles" legend={`Roles for ${member.displayName}`} value={roles} onChange={setRoles} error={error} />
        <Button type="submit" disabled={busy}>
          Save roles
        </Button>
        <Button type="button" outline onClick={onCancel}>
          Cancel
        </Button>
      </Form>
    </section>
  );
}
