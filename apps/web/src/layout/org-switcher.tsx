/** Choose the current organisation; the pages below remount and load that organisation's data. */
import { useState } from 'react';
import { ErrorMessage, Label, Select } from '@trussworks/react-uswds';
import { switchOrganisation, toApiError, type Session } from '../api';
import { useSessionContext } from '../session';

export function OrgSwitcher({ session }: { session: Session }) {
  const { setSession } = useSessionContext();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  if (session.organisations.length === 0) return null;

  const onChange = async (slug: string) => {
    if (!slug || slug === session.currentOrganisation) return;
    setBusy(true);
    setError(null);
    try {
      const next = await switchOrganisation(slug);
      const name = next.organisations.find((o) => o.slug === next.currentOrganisation)?.name ?? slug;
      setSession(next);
      setAnnouncement(`You are now working in ${name}.`);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gb-org-switcher">
      <Label htmlFor="org-switcher" className="margin-top-0">
        Organisation
      </Label>
      {error && <ErrorMessage id="org-switcher-error">{error}</ErrorMessage>}
      <Select
        id="org-switcher"
        name="organisation"
        value={session.currentOrganisation ?? ''}
        disabled={busy}
        aria-describedby={error ? 'org-switcher-error' : undefined}
        onChange={(event) => void onChange(event.target.value)}
      >
        {session.currentOrganisation === null && (
          <option value="" disabled>
            Choose an organisation
          </option>
        )}
        {session.organisations.map((org) => (
          <option key={org.slug} value={org.slug}>
            {org.name}
          </option>
        ))}
      </Select>
      <span role="status" className="usa-sr-only">
        {announcement}
      </span>
    </div>
  );
}
