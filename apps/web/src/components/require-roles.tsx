/** Pages that need a role show a plain explanation instead when the person lacks it. */
import type { ReactNode } from 'react';
import type { Role } from '../api';
import { roleLabel } from '../roles';
import { useCurrentOrganisation } from '../session';
import { hasAnyRole } from '../roles';
import { Page } from './page';

function neededRoles(roles: readonly Role[]): string {
  const names = roles.map((r) => roleLabel(r).toLowerCase());
  if (names.length === 1) return `the ${names[0] ?? ''} role`;
  return `one of these roles: ${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}

export function AccessDenied({ roles }: { roles: readonly Role[] }) {
  const org = useCurrentOrganisation();
  const only = roles.length === 1 && roles[0] === 'admin';
  return (
    <Page title={only ? 'Administrator role required' : 'Role required'}>
      <p className="usa-intro">
        You need {neededRoles(roles)}
        {org ? ` in ${org.name}` : ''} to see this page.
      </p>
      <p>{org ? `If you need access, ask an administrator of ${org.name}.` : 'You are not a member of any organisation yet.'}</p>
    </Page>
  );
}

export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const org = useCurrentOrganisation();
  if (!org || !hasAnyRole(org.roles, roles)) return <AccessDenied roles={roles} />;
  return <>{children}</>;
}
