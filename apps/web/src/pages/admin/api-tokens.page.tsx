import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, ErrorMessage, Fieldset, Form, Radio, Table } from '@trussworks/react-uswds';
import { createApiToken, listApiTokens, revokeApiToken, toApiError, type ApiToken, type NewApiToken } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { StatusTag, type Tone } from '../../components/status-tag';
import { TextField } from '../../components/text-field';
import { endOfLocalDay, isPast, todayLocal } from '../../format';
import { formErrorsFrom } from '../../forms';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tokenState(token: ApiToken): { label: string; tone: Tone } {
  if (token.revokedAt) return { label: 'revoked', tone: 'neutral' };
  if (isPast(token.expiresAt)) return { label: 'expired', tone: 'neutral' };
  return { label: 'active', tone: 'success' };
}

export function ApiTokensPage() {
  const org = useOrganisation();
  const tokens = useApiData((signal) => listApiTokens(org.slug, signal), [org.slug]);
  const [created, setCreated] = useState<{ token: string; item: ApiToken } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const onRevoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      await revokeApiToken(org.slug, revoking.id);
      setStatus(`The token “${revoking.name}” has been revoked. Software using it can no longer call the API.`);
      setRevoking(null);
      tokens.reload();
    } catch (error) {
      setRevokeError(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const items = tokens.data ? [...tokens.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];

  return (
    <Page title="API tokens">
      <p className="usa-intro">
        Tokens let other software, such as a case management system, read or update {org.name}’s records through the Glassbox API. Give each
        its own token so you can revoke one without affecting the others.
      </p>
      <StatusMessage message={status} />
      {created && <NewTokenAlert token={created.token} name={created.item.name} onDone={() => setCreated(null)} />}

      <h2>Create a token</h2>
      <CreateTokenForm
        org={org.slug}
        onCreated={(result) => {
          setStatus(null);
          setCreated(result);
          tokens.reload();
        }}
      />

      <h2>Tokens</h2>
      {tokens.error && <ApiErrorAlert error={tokens.error} onRetry={tokens.reload} />}
      {!tokens.data && !tokens.error && <p role="status">Loading tokens…</p>}
      {tokens.data && items.length === 0 && <p>There are no API tokens yet.</p>}
      {items.length > 0 && (
        <Table caption="API tokens, newest first" fullWidth scrollable>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Scope</th>
              <th scope="col">System</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((token) => {
              const state = tokenState(token);
              return (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}</code>
                  </td>
                  <td>{token.scope === 'write' ? 'Read and write' : 'Read only'}</td>
                  <td>{token.systemId ? <code>{token.systemId}</code> : 'All systems'}</td>
                  <td>
                    <DateTime value={token.createdAt} />
                  </td>
                  <td>
                    <DateTime value={token.expiresAt} fallback="Never" />
                  </td>
                  <td>
                    <DateTime value={token.lastUsedAt} fallback="Never" />
                  </td>
                  <td>
                    <StatusTag tone={state.tone}>{state.label}</StatusTag>
                  </td>
                  <td>
                    {state.label === 'active' ? (
                      <Button
                        type="button"
                        unstyled
                        className="gb-danger-link"
                        onClick={() => {
                          setRevokeError(null);
                          setRevoking(token);
                        }}
                      >
                        Revoke<span className="usa-sr-only"> token {token.name}</span>
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
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke token"
          onConfirm={() => void onRevoke()}
          onCancel={() => setRevoking(null)}
          busy={busy}
          error={revokeError}
        >
          <p>Software using this token will get an error from its next call. This cannot be undone; create a new token if it is needed again.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

/** The secret, once. Focus moves here so nobody misses it. */
function NewTokenAlert({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  const headingRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [token]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('Token copied to the clipboard.');
    } catch {
      // Clipboard access needs a secure context; fall back to selecting the text.
      inputRef.current?.select();
      setCopied('Your browser did not allow copying. The token is selected: copy it with your keyboard.');
    }
  };

  return (
    <div ref={headingRef} tabIndex={-1} className="margin-bottom-3">
      <Alert type="warning" headingLevel="h2" heading={`Copy the token for “${name}” now`} validation>
        <p className="usa-alert__text">This is the only time Glassbox shows it. Store it somewhere safe, such as a password manager or a secrets vault.</p>
        <div className="usa-form-group">
          <label className="usa-label" htmlFor="new-token">
            New API token
          </label>
          <input ref={inputRef} id="new-token" className="usa-input gb-token" type="text" readOnly value={token} onFocus={(e) => e.target.select()} />
        </div>
        <ButtonGroup className="margin-top-2">
          <Button type="button" onClick={() => void copy()}>
            Copy token
          </Button>
          <Button type="button" outline onClick={onDone}>
            I have stored the token
          </Button>
        </ButtonGroup>
        <p className="usa-alert__text" role="status">
          {copied}
        </p>
      </Alert>
    </div>
  );
}

function CreateTokenForm({ org, onCreated }: { org: string; onCreated: (result: { token: string; item: ApiToken }) => void }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [systemId, setSystemId] = useState('');
  const [expiry, setExpiry] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!name.trim()) fields['name'] = 'Give the token a name, such as the software that will use it.';
    if (systemId.trim() && !UUID.test(systemId.trim())) fields['systemId'] = 'A system ID looks like 3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f.';
    if (expiry && expiry < todayLocal()) fields['expiresAt'] = 'Choose today or a later date.';
    if (Object.keys(fields).length > 0) {
      setErrors({ message: null, fields });
      return;
    }
    const input: NewApiToken = { name: name.trim(), scope };
    if (systemId.trim()) input.systemId = systemId.trim().toLowerCase();
    if (expiry) input.expiresAt = endOfLocalDay(expiry);
    setBusy(true);
    setErrors(noErrors);
    try {
      const result = await createApiToken(org, input);
      setName('');
      setScope('read');
      setSystemId('');
      setExpiry('');
      onCreated(result);
    } catch (error) {
      setErrors(formErrorsFrom(error));
    } finally {
      setBusy(false);
    }
  };

  const scopeError = errors.fields['scope'];
  return (
    <>
      <ErrorSummary errors={errors} fieldIds={{ scope: 'scope-read' }} />
      <Form onSubmit={(e) => void onSubmit(e)} noValidate large>
        <TextField id="name" label="Token name" hint="Say which software uses it, for example “Case system (production)”." value={name} onChange={setName} error={errors.fields['name']} autoComplete="off" required />
        <Fieldset legend="Scope" aria-describedby={scopeError ? 'scope-error' : undefined} className={scopeError ? 'usa-form-group usa-form-group--error' : undefined}>
          {scopeError && <ErrorMessage id="scope-error">{scopeError}</ErrorMessage>}
          <Radio id="scope-read" name="scope" value="read" label="Read only" labelDescription="Can read records but change nothing." checked={scope === 'read'} onChange={() => setScope('read')} />
          <Radio id="scope-write" name="scope" value="write" label="Read and write" labelDescription="Can also create and change records." checked={scope === 'write'} onChange={() => setScope('write')} />
        </Fieldset>
        <TextField
          id="systemId"
          label="System ID (optional)"
          hint="Limit the token to one AI system. Leave empty for a token that works across the organisation."
          value={systemId}
          onChange={setSystemId}
          error={errors.fields['systemId']}
          autoComplete="off"
        />
        <TextField
          id="expiresAt"
          label="Expiry date (optional)"
          type="date"
          hint="The token stops working at the end of this day. Leave empty for a token that does not expire."
          min={todayLocal()}
          value={expiry}
          onChange={setExpiry}
          error={errors.fields['expiresAt']}
        />
        <Button type="submit" disabled={busy}>
          Create token
        </Button>
      </Form>
    </>
  );
}
